package org.broadside.delivery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JitPolicyTest {

    @Test
    void theDirectivesReachTheRunningJvm() throws Exception {
        assertThat(JitPolicy.installOnce()).isTrue();

        String stack = JitPolicy.diagnosticCommand("compilerDirectivesPrint");
        assertThat(stack).contains("org/broadside/mime/QuotedPrintable.*");
        // The catch-all directive is on the stack and its C2 part excludes (its C1 part does not).
        String catchAll = stack.substring(stack.indexOf("matching: org/broadside/*.*"));
        String catchAllC2 = catchAll.substring(catchAll.indexOf("c2 directives:"), catchAll.indexOf("Directive:"));
        assertThat(catchAllC2).contains("Exclude:true");
    }

    /** A command starts the install early on a thread of its own; the send's own call must not add the directives twice. */
    @Test
    void anInstallStartedInTheBackgroundIsWaitedForAndNotRepeated() throws Exception {
        JitPolicy.startInstalling();
        assertThat(JitPolicy.installOnce()).isTrue();
        assertThat(JitPolicy.installOnce()).isTrue();

        String stack = JitPolicy.diagnosticCommand("compilerDirectivesPrint");
        assertThat(stack.split("matching: org/broadside/\\*\\.\\*", -1)).hasSize(2);
    }

    @Test
    void directivesTheJvmRefusesAreReportedNotThrown() {
        assertThat(JitPolicy.install("[ { match: \"org/broadside/*.*\", c2: { NoSuchOption: true } } ]")).isFalse();
        assertThat(JitPolicy.install("[ { match: ")).isFalse();
    }

    /** Signing makes every message CRLF and canonicalises its whole body: those loops must not fall to C1. */
    @Test
    void dkimCanonicalisationLoopsKeepC2() {
        assertThat(keepsC2("org/broadside/deliverability/dkim/Canonical.body")).isTrue();
        assertThat(keepsC2("org/broadside/deliverability/dkim/Canonical.crlf")).isTrue();
        assertThat(keepsC2("org/broadside/deliverability/dkim/HeaderBlock.parse")).isTrue();
        // The rest of the signer runs a few times per message, like the rest of Broadside.
        assertThat(keepsC2("org/broadside/deliverability/dkim/DkimSigner.signatureField")).isFalse();
    }

    /**
     * Whether the first directive matching {@code method} ("org/broadside/pkg/Type.method") leaves C2 on: HotSpot
     * applies the first directive whose pattern matches, and a pattern's "*" stands for any run of characters.
     */
    private static boolean keepsC2(String method) {
        String text = JitPolicy.directives();
        Matcher pattern = Pattern.compile("\"(org/broadside/[^\"]+)\"").matcher(text);
        while (pattern.find()) {
            String regex = Arrays.stream(pattern.group(1).split("\\*", -1)).map(Pattern::quote)
                    .collect(java.util.stream.Collectors.joining(".*"));
            if (method.matches(regex)) {
                Matcher exclude = Pattern.compile("Exclude:\\s*(true|false)").matcher(text);
                assertThat(exclude.find(pattern.end())).as("the c2 setting after " + pattern.group(1)).isTrue();
                return exclude.group(1).equals("false");
            }
        }
        return true;
    }

    /** A renamed class or method would silently fall to C1: every loop the directives keep for C2 must still exist. */
    @Test
    void everyMethodKeptForC2StillExists() throws Exception {
        List<String> patterns = new ArrayList<>();
        Matcher m = Pattern.compile("\"(org/broadside/[^\"]+)\"").matcher(JitPolicy.directives());
        while (m.find()) patterns.add(m.group(1));
        assertThat(patterns).contains("org/broadside/*.*").hasSizeGreaterThan(5);

        for (String pattern : patterns) {
            if (pattern.equals("org/broadside/*.*")) continue;
            int dot = pattern.lastIndexOf('.');
            Class<?> type = Class.forName(pattern.substring(0, dot).replace('/', '.'));
            String method = pattern.substring(dot + 1);
            if (!method.equals("*")) {
                assertThat(Arrays.stream(type.getDeclaredMethods()).map(java.lang.reflect.Method::getName))
                        .as(pattern).contains(method);
            }
        }
    }
}
