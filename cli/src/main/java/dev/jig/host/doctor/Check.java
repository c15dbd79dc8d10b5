package dev.jig.host.doctor;

import java.util.List;

/** One kind of fault looked for in the facts an {@link Examination} gathered. */
public interface Check {

    /** Every instance of the fault, in search-path order; empty when there is none. */
    List<Finding> findings(Examination facts);
}
