package dev.jig.host.download;

import java.net.URI;

/** URLs as messages show them. */
final class Urls {

    private Urls() {
    }

    /** {@code source} without its user information, which may hold a password or token. */
    static String display(URI source) {
        String text = source.toString();
        String userInfo = source.getRawUserInfo();
        if (userInfo == null) {
            return text;
        }
        int at = text.indexOf(userInfo + "@");
        return at < 0 ? text : text.substring(0, at) + text.substring(at + userInfo.length() + 1);
    }
}
