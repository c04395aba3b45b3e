package org.broadside.delivery.smtp;

/**
 * Checks an envelope against {@link AddressRules} and the server's capabilities and builds the MAIL FROM
 * line, before anything is written, so a refused message leaves the connection usable.
 */
final class MailCommands {
    private MailCommands() {
    }

    /** The MAIL FROM line with BODY=8BITMIME and SMTPUTF8 as needed, after checking every address. */
    static String mailFrom(Envelope env, MessageBody body, Capabilities capabilities) throws InvalidEnvelopeException {
        boolean utf8Offered = capabilities.smtpUtf8();
        boolean utf8 = body.requiresSmtpUtf8() || !AddressRules.isAscii(env.mailFrom());
        refuseIf(AddressRules.problem(env.mailFrom(), utf8Offered, true), env.mailFrom(), Stage.MAIL);
        for (String rcpt : env.recipients()) {
            refuseIf(AddressRules.problem(rcpt, utf8Offered, false), rcpt, Stage.RCPT);
            utf8 |= !AddressRules.isAscii(rcpt);
        }
        if (utf8 && !utf8Offered) {
            throw new InvalidEnvelopeException("the message needs SMTPUTF8 but the server did not offer it; nothing was sent",
                    Stage.MAIL, false, null, null);
        }
        boolean eightBit = body.requires8BitMime() || utf8;
        if (eightBit && !capabilities.eightBitMime() && !utf8) {
            throw new InvalidEnvelopeException("the message has 8-bit content but the server did not offer 8BITMIME; "
                    + "encode it as quoted-printable or base64", Stage.MAIL, false, null, null);
        }
        String cmd = "MAIL FROM:<" + env.mailFrom() + ">";
        if (eightBit && capabilities.eightBitMime()) {
            cmd += " BODY=8BITMIME";
        }
        return utf8 ? cmd + " SMTPUTF8" : cmd;
    }

    private static void refuseIf(String problem, String address, Stage stage) throws InvalidEnvelopeException {
        if (problem != null) {
            throw new InvalidEnvelopeException("refused to send to \"" + printable(address) + "\": " + problem
                    + "; nothing was sent", stage, false, null, null);
        }
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && sb.length() < 100; i++) {
            char c = s.charAt(i);
            sb.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return sb.toString();
    }
}
