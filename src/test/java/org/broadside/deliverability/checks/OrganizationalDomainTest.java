package org.broadside.deliverability.checks;

import static org.assertj.core.api.Assertions.assertThat;

import org.broadside.deliverability.dns.ZoneResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrganizationalDomainTest {

    /**
     * The Public Suffix List's own test vectors (publicsuffix/list tests/test_psl.txt, public domain): the
     * registrable domain of each name; an empty second column means the name is itself a public suffix, which is
     * then its own organizational domain.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "-", value = {
            "COM, -", "example.COM, example.com", "WwW.example.COM, example.com",
            "example, -", "example.example, example.example", "b.example.example, example.example",
            "a.b.example.example, example.example",
            "biz, -", "domain.biz, domain.biz", "b.domain.biz, domain.biz", "a.b.domain.biz, domain.biz",
            "com, -", "example.com, example.com", "b.example.com, example.com", "a.b.example.com, example.com",
            "uk.com, -", "example.uk.com, example.uk.com", "b.example.uk.com, example.uk.com",
            "a.b.example.uk.com, example.uk.com", "test.ac, test.ac",
            "mm, -", "c.mm, -", "b.c.mm, b.c.mm", "a.b.c.mm, b.c.mm",
            "jp, -", "test.jp, test.jp", "www.test.jp, test.jp", "ac.jp, -", "test.ac.jp, test.ac.jp",
            "www.test.ac.jp, test.ac.jp", "kyoto.jp, -", "test.kyoto.jp, test.kyoto.jp", "ide.kyoto.jp, -",
            "b.ide.kyoto.jp, b.ide.kyoto.jp", "a.b.ide.kyoto.jp, b.ide.kyoto.jp", "c.kobe.jp, -",
            "b.c.kobe.jp, b.c.kobe.jp", "a.b.c.kobe.jp, b.c.kobe.jp", "city.kobe.jp, city.kobe.jp",
            "www.city.kobe.jp, city.kobe.jp",
            "ck, -", "test.ck, -", "b.test.ck, b.test.ck", "a.b.test.ck, b.test.ck", "www.ck, www.ck",
            "www.www.ck, www.ck",
            "us, -", "test.us, test.us", "www.test.us, test.us", "ak.us, -", "test.ak.us, test.ak.us",
            "www.test.ak.us, test.ak.us", "k12.ak.us, -", "test.k12.ak.us, test.k12.ak.us",
            "www.test.k12.ak.us, test.k12.ak.us",
            "食狮.com.cn, 食狮.com.cn", "食狮.公司.cn, 食狮.公司.cn", "www.食狮.公司.cn, 食狮.公司.cn",
            "shishi.公司.cn, shishi.公司.cn", "公司.cn, -", "食狮.中国, 食狮.中国", "www.食狮.中国, 食狮.中国",
            "shishi.中国, shishi.中国", "中国, -",
            "xn--85x722f.com.cn, xn--85x722f.com.cn", "xn--85x722f.xn--55qx5d.cn, xn--85x722f.xn--55qx5d.cn",
            "www.xn--85x722f.xn--55qx5d.cn, xn--85x722f.xn--55qx5d.cn", "shishi.xn--55qx5d.cn, shishi.xn--55qx5d.cn",
            "xn--55qx5d.cn, -", "xn--85x722f.xn--fiqs8s, xn--85x722f.xn--fiqs8s",
            "www.xn--85x722f.xn--fiqs8s, xn--85x722f.xn--fiqs8s", "shishi.xn--fiqs8s, shishi.xn--fiqs8s",
            "xn--fiqs8s, -"})
    void followsThePublicSuffixListTestVectors(String name, String registrable) {
        String expected = registrable == null ? name.toLowerCase(java.util.Locale.ROOT) : registrable;

        assertThat(OrganizationalDomain.of(name)).isEqualTo(expected);
    }

    @Test
    void aSubdomainOfAnNhsBodyBelongsToThatBodyNotToNhsUk() {
        assertThat(OrganizationalDomain.of("x.example.nhs.uk")).isEqualTo("example.nhs.uk");
        assertThat(OrganizationalDomain.aligned("x.example.nhs.uk", "other.nhs.uk", false)).isFalse();
        assertThat(OrganizationalDomain.aligned("x.example.nhs.uk", "mail.example.nhs.uk", false)).isTrue();
    }

    @Test
    void dmarcOfASubdomainIsFoundAtItsOrganizationNotAtThePublicSuffix() throws Exception {
        ZoneResolver zone = new ZoneResolver().txt("_dmarc.example.nhs.uk", "v=DMARC1; p=quarantine")
                .txt("_dmarc.nhs.uk", "v=DMARC1; p=none");

        DmarcRecord r = DmarcRecord.find(zone.lookup(), "x.example.nhs.uk");

        assertThat(r.foundAt()).isEqualTo("_dmarc.example.nhs.uk");
        assertThat(r.policy()).isEqualTo("quarantine");
    }

    @Test
    void twoSitesUnderAPrivateHostingSuffixAreDifferentOrganizations() {
        assertThat(OrganizationalDomain.of("mail.foo.github.io")).isEqualTo("foo.github.io");
        assertThat(OrganizationalDomain.aligned("foo.github.io", "bar.github.io", false)).isFalse();
    }

    @Test
    void aTrailingDotIsIgnored() {
        assertThat(OrganizationalDomain.of("www.example.com.")).isEqualTo("example.com");
    }
}
