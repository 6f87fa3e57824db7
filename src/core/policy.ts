import type { PolicyDocument } from './policy-schema.ts';

type Exemptions = NonNullable<PolicyDocument['exemptions']>;
type Mutations = NonNullable<PolicyDocument['mutations']>;
type StatusSettings = NonNullable<PolicyDocument['status']>;

/**
 * The policy in force: a document with every default filled in (see `policy/defaults.ts`).
 * The core reads only this resolved form, never a raw document.
 */
export type Policy = Readonly<
  Required<Omit<PolicyDocument, 'exemptions' | 'mutations' | 'status'>> & {
    exemptions: Required<Pick<Exemptions, 'namespaces'>> & Pick<Exemptions, 'namespaceSelector'>;
    mutations: Required<Mutations>;
    status: Required<StatusSettings>;
  }
>;

export type PolicyMode = Policy['mode'];
export type LabelSelector = NonNullable<Exemptions['namespaceSelector']>;
