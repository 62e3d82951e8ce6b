package it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Binds every port of the block the plugin exported, one after the other, as a small cluster would. */
class BlockPortsIT {
    @Test
    void everyPortOfTheBlockCanBeBound() throws Exception {
        String[] list = System.getProperty("nodes.list").split(",");
        int first = Integer.parseInt(System.getProperty("nodes.first"));
        int last = Integer.parseInt(System.getProperty("nodes.last"));
        assertEquals(3, list.length);
        assertEquals(first + 2, last);
        List<ServerSocket> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < list.length; i++) {
                int port = Integer.parseInt(list[i]);
                assertEquals(first + i, port);
                ServerSocket node = new ServerSocket();
                node.bind(new InetSocketAddress(port));
                nodes.add(node);
                System.out.println("node " + i + " bound " + port);
            }
        } finally {
            for (ServerSocket node : nodes) {
                node.close();
            }
        }
    }
}
