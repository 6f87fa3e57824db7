/**
 * The rule catalog: every rule of docs/rules.md, in its order. The core runs them in this order,
 * so findings come out in catalog order. A test compares this registry with docs/rules.md.
 */
import type { Rule } from '../core/rule.ts';
import { mr201, mr202, mr203, mr204, mr205, mr206, mr207 } from './backends.ts';
import { mr302, mr303, mr304, mr310, mr311 } from './filters.ts';
import { mr301, mr306, mr307 } from './matches.ts';
import { mr101, mr102, mr103, mr104, mr105, mr106, mr107, mr108, mr109 } from './parents.ts';
import { mr110, mr312 } from './routing.ts';
import { mr305, mr308, mr309 } from './structure.ts';

export const ruleCatalog = [
  mr101, mr102, mr103, mr104, mr105, mr106, mr107, mr108, mr109, mr110,
  mr201, mr202, mr203, mr204, mr205, mr206, mr207,
  mr301, mr302, mr303, mr304, mr305, mr306, mr307, mr308, mr309, mr310, mr311, mr312,
] as const satisfies readonly Rule[];
