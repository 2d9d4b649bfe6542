package org.qasite.member;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Names that pass for the site's staff or pages are taken; ordinary names near them are not. */
class ReservedNamesTest {

    @Test
    void rolesAndTheirLookAlikesAreReserved() {
        for (String name : List.of("admin", "Administrator", "moderator", "Admin_", "admin.1", "ad-min", "2admin",
                "adm1n", "ADMlN", "adrnin", "r00t", "5ystem", "MOD_2", "m0d", "support", "Help", "qa", "Q&A",
                "deleted-member", "Deleted Member", "site-admin", "SiteAdmin", "Admin Bob", "bob_m0derator",
                "\uFF21\uFF44\uFF4D\uFF49\uFF4E", "Official Support", "null", "undefined", "signup", "no-reply")) {
            assertThat(name, ReservedNames.isReserved(name), is(true));
        }
    }

    @Test
    void ordinaryNamesStayFree() {
        for (String name : List.of("badminton", "modest", "Moderately", "rooted", "helper", "Ali", "alice",
                "systems-guy", "admin2bob", "Mod Squad", "newcomer-123", "Staffordshire",
                "Zo\u00EB \u041D\u043E\u0432\u0430\u044F",
                "supporter", "questioner", "qa-tester", "bill", "Display settings-42")) {
            assertThat(name, ReservedNames.isReserved(name), is(false));
        }
    }
}
