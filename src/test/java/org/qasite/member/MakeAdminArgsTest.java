package org.qasite.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MakeAdminArgsTest {

    @Test
    void parsesTheUsernameAndTheOption() {
        assertEquals(new MakeAdminArgs("alice", false), MakeAdminArgs.parse("alice"));
        assertEquals(new MakeAdminArgs("alice", true), MakeAdminArgs.parse("--revoke", "alice"));
        assertEquals(new MakeAdminArgs("alice", true), MakeAdminArgs.parse("alice", "--revoke"));
    }

    @Test
    void rejectsWhatItDoesNotUnderstand() {
        assertTrue(assertThrows(IllegalArgumentException.class, MakeAdminArgs::parse).getMessage()
                .contains("the username is missing"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MakeAdminArgs.parse("alice", "bob"))
                .getMessage().contains("'bob'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MakeAdminArgs.parse("--force", "alice"))
                .getMessage().contains("usage: make-admin [--revoke] USERNAME"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MakeAdminArgs.parse("--revoke")).getMessage()
                .contains("missing"));
    }
}
