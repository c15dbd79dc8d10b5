'use strict';
// A plugin written with protocol/node/jig-plugin.js, for the tests of the helper.
const jig = require('../../../node/jig-plugin.js');

jig.main({
  metadata: { name: 'kit', version: '1.0.0', description: 'Exercises the helper' },
  run(args) {
    console.log(['run', ...args, JSON.stringify(jig.runConfig('kit'))].join(' '));
    return 7;
  },
  hooks: {
    async prerun(params) {
      const config = jig.ownConfig(params.config, 'kit');
      console.log('noise on stdout'); // goes to stderr while serving
      jig.log('info', `prerun ${params.command.join(' ')}`);
      if (config.fail) {
        throw new Error('told to fail');
      }
      return { action: 'continue', env: { KIT_LANG: config.lang ?? 'en' } };
    },
    postrun: () => ({}),
    install(params) {
      if (jig.ownConfig(params.config, 'kit').refuse) {
        return { action: 'abort', message: `kit needs ${params.directory} writable` };
      }
      jig.log('info', `installing ${params.plugin} ${params.version} from ${params.directory}`);
      return { action: 'continue' };
    },
  },
  complete: (params) => {
    if (params.current === 'boom') {
      throw new Error('told to fail');
    }
    return { candidates: [{ value: `after-${params.args.join('-')}`, description: `seen ${params.current}` }] };
  },
});
