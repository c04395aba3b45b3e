package org.broadside.mime;

/**
 * Multipart boundaries derived from the campaign key, so a re-built message is byte-identical.
 * They start with "=_", which neither quoted-printable nor base64 output can contain.
 */
final class Boundaries {
    private Boundaries() {}

    static String of(String campaignKey, String subtype) {
        return "=_bs_" + subtype + "_" + Base32.sha256(campaignKey + '\0' + subtype, 24);
    }
}
