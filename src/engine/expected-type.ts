/** The catalogue key that names a type zod expected ("a number", "a list"), for "must be ..." messages. */
export function expectedTypeKey(expected: string) {
  switch (expected) {
    case "number":
    case "int":
      return "type.number" as const;
    case "array":
      return "type.array" as const;
    case "object":
    case "record":
      return "type.object" as const;
    case "boolean":
      return "type.boolean" as const;
    default:
      return "type.string" as const;
  }
}
