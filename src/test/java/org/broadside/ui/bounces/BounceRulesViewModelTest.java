package org.broadside.ui.bounces;

import org.broadside.bounces.BounceRules;
import org.broadside.bounces.BounceRulesRepository;
import org.broadside.ui.common.SameThreadRunner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules form reads and writes the same rules as the command line's "bounces rules". */
class BounceRulesViewModelTest {
    final BounceDesk desk = new BounceDesk();
    final BounceRulesRepository rules = new BounceRulesRepository(desk.db);
    final BounceRulesViewModel vm = new BounceRulesViewModel(rules, new SameThreadRunner());

    @Test
    void theFormShowsTheStoredRulesAndSavesChanges() {
        vm.load();
        assertThat(vm.softBounceLimitProperty().get()).isEqualTo(3);
        vm.blacklistUnsubscribesProperty().set(false);
        vm.softBounceLimitProperty().set(0);
        vm.save();
        assertThat(rules.get()).isEqualTo(new BounceRules(true, 0, true, false));
        assertThat(vm.resultProperty().get()).isEqualTo("Saved. The rules apply to messages scanned from now on.");
    }

    @Test
    void aLimitOutOfRangeIsRefusedInWords() {
        vm.load();
        vm.softBounceLimitProperty().set(500);
        vm.save();
        assertThat(vm.resultProperty().get()).isEqualTo("The soft bounce limit must be between 0 (never) and 100.");
        assertThat(rules.get()).isEqualTo(BounceRules.DEFAULT);
    }
}
