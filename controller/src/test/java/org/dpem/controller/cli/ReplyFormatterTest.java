package org.dpem.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ReplyFormatterTest {
  final ObjectMapper json = new ObjectMapper();

  String fmt(String reply) throws Exception {
    return ReplyFormatter.format(json.readTree(reply));
  }

  @Test
  void listsOfObjectsBecomeAlignedTables() throws Exception {
    assertThat(fmt("{\"ok\":true,\"nodes\":[{\"id\":\"n0\",\"state\":\"active\"},{\"id\":\"node-10\",\"state\":\"drained\"}]}"))
        .isEqualTo("id       state\nn0       active\nnode-10  drained");
    assertThat(fmt("{\"ok\":true,\"requests\":[]}")).isEqualTo("(none)");
  }

  @Test
  void objectsBecomeKeyValueLinesAndScalarsStay() throws Exception {
    assertThat(fmt("{\"ok\":true,\"status\":{\"loop\":\"running\",\"epoch\":12}}"))
        .isEqualTo("loop:  running\nepoch: 12");
    assertThat(fmt("{\"ok\":true,\"id\":\"r7\"}")).isEqualTo("id: r7");
    assertThat(fmt("{\"ok\":false,\"error\":\"node: unknown node 'x'\",\"code\":\"unknown_id\"}"))
        .isEqualTo("error: node: unknown node 'x'");
  }

  @Test
  void severalFieldsGetHeadingsAndNestedListsAreJoined() throws Exception {
    assertThat(fmt("{\"ok\":true,\"node\":{\"id\":\"n1\"},\"neighbours\":[\"n0\",\"n2\"],"
        + "\"devices\":[{\"id\":\"d\",\"faults\":[\"hot\",\"cold\"]}]}"))
        .isEqualTo("node:\nid: n1\nneighbours:\nn0\nn2\ndevices:\nid  faults\nd   hot,cold");
  }
}
