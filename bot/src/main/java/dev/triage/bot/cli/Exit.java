package dev.triage.bot.cli;

/** The command line's exit codes; scripts rely on them, so never renumber. */
enum Exit {
    /** Done. */
    OK(0),
    /** Something failed that is not the input's fault, or a check found problems ({@code kb check}). */
    FAILED(1),
    /** The command line or the input was not usable; the message says why. */
    BAD_INPUT(2),
    /** Diagnosed, but the text's only codes are not in any official table. */
    UNKNOWN_CODES(3);

    final int code;

    Exit(int code) {
        this.code = code;
    }
}
