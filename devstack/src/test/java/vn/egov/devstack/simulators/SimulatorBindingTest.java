package vn.egov.devstack.simulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class SimulatorBindingTest {

    @Test
    void loopbackUnlessAnAddressIsGiven() throws Exception {
        assertThat(SimulatorBinding.address(null)).isEqualTo(InetAddress.getLoopbackAddress());
        assertThat(SimulatorBinding.address("  ")).isEqualTo(InetAddress.getLoopbackAddress());
        assertThat(SimulatorBinding.address("0.0.0.0").isAnyLocalAddress())
                .as("every interface, in a container")
                .isTrue();
    }

    @Test
    void aMistypedAddressStopsTheSimulatorWithItsName() {
        assertThatThrownBy(() -> SimulatorBinding.address("no-such-host.invalid"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EGOV_SIMULATOR_BIND");
    }
}
