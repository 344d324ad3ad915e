package dev.stskit.core.internal;

import dev.stskit.core.CommandLine;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a container's {@code command} or {@code args} from a spec file: a list as usual, or one
 * string, the line as the form shows it, split by {@link CommandLine#split}.
 */
public final class CommandLineDeserializer extends ValueDeserializer<List<String>> {
  /** Made by Jackson for the annotated properties. */
  public CommandLineDeserializer() {}

  @Override
  public List<String> deserialize(JsonParser p, DeserializationContext ctxt) {
    if (p.currentToken() == JsonToken.VALUE_STRING) {
      return CommandLine.split(p.getString());
    }
    JavaType list = ctxt.getTypeFactory().constructCollectionType(List.class, String.class);
    return ctxt.readValue(p, list);
  }
}
