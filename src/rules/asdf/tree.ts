import { asdfProblemRule } from './support/problem-rule.js';

export const asdfTree = asdfProblemRule(
  {
    id: 'asdf/tree',
    description:
      "An ASDF file's tree is a YAML 1.1 mapping that parses, starts with '%YAML 1.1' and ends with the line '...'; it uses no chains of aliases and stays under 16 MiB.",
    severity: 'error',
    rationale:
      "The tree holds the metadata and says where every array is: a tree that does not parse leaves nothing to read. Tags the tool does not know (every ASDF extension's, such as !core/ndarray-1.0.0 or !wcs/wcs-1.0.0) are kept, never an error. A tree cut short by truncation is reported once, here; a tree whose aliases expand past 1000 nodes (a YAML 'billion laughs') is refused before it is expanded.",
    source: 'ASDF Standard 1.5.0 (asdf-standard.readthedocs.io), File layout; YAML 1.1',
  },
  ['tree-end', 'tree-too-large', 'yaml'],
);
