/**
 * Field paths: one list of segments, two spellings. kubectl's form for messages
 * (`spec.rules[0].matches[1].headers[2].name`) and RFC 6901 JSON Pointer for patches.
 */

/** Object keys and array indexes from the root of the route. */
export type Path = readonly (string | number)[];

/** kubectl's form: keys joined with dots, indexes in brackets. */
export function fieldPath(path: Path): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

/** RFC 6901 JSON Pointer, with `~` and `/` escaped. */
export function jsonPointer(path: Path): string {
  return path.map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}
