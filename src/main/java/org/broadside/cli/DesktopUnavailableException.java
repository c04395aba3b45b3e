package org.broadside.cli;

/** The desktop app cannot open a window on this system; its message is the sentence that says what to install or set. */
final class DesktopUnavailableException extends RuntimeException {
    DesktopUnavailableException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
