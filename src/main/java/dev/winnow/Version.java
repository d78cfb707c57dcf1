package dev.winnow;

/** The pipeline version written into every record and report; bump it when output can change. */
public final class Version {
    private Version() {}

    public static final String VERSION = "0.1.0";
}
