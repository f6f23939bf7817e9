import { describe, expect, it } from 'vitest';
import { runAsdfRules } from '../../support/asdf-content.js';
import { ASDF_RULES, validAsdf } from '../../support/asdf-rules.js';
import { asdfFile } from '../../support/asdf-writer.js';

describe('asdf/header', () => {
  it('passes a file written as the asdf library writes it', async () => {
    expect(await runAsdfRules(ASDF_RULES, validAsdf())).toEqual([]);
  });

  it("asks for '#ASDF 1.0.0' first, once, and reads nothing else", async () => {
    const findings = await runAsdfRules(
      ASDF_RULES,
      Buffer.concat([Buffer.from('#ASDX 1.0.0\n'), validAsdf()]),
    );
    expect(findings).toMatchObject([{ ruleId: 'asdf/header', severity: 'error', offset: 0 }]);
    expect(findings[0]!.message).toBe("the first line must be '#ASDF 1.0.0', found '#ASDX 1.0.0'");
  });

  it('refuses a file format version other than 1.x', async () => {
    const bytes = Buffer.from(validAsdf().toString('latin1').replace('#ASDF 1.0.0', '#ASDF 2.0.0'), 'latin1');
    const findings = await runAsdfRules(ASDF_RULES, bytes);
    expect(findings.map((f) => f.message)).toEqual([
      'ASDF file format version 2.0.0 is not 1.x: readers refuse it',
    ]);
  });

  it('warns when the #ASDF_STANDARD line is missing', async () => {
    const findings = await runAsdfRules(ASDF_RULES, asdfFile({ tree: ['a: 1'], standard: null }));
    expect(findings).toMatchObject([{ ruleId: 'asdf/header', severity: 'warning' }]);
    expect(findings[0]!.message).toMatch(/^the header has no '#ASDF_STANDARD x\.y\.z' line/);
  });
});
