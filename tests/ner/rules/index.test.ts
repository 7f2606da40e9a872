import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nerRuleNames, nerRules, type NerRule } from '../../../src/ner/rules/index.js';

describe('nerRules', () => {
  it('names every rule after its file, once, and has a file for every rule', () => {
    const files = readdirSync('src/ner/rules').filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3));
    const support = ['index', 'rule', 'draft', 'tokens', 'words'];
    expect(new Set(nerRuleNames).size).toBe(nerRules.length);
    expect([...nerRuleNames].sort()).toEqual(files.filter((f) => !support.includes(f)).sort());
  });

  it('has a test file for every rule', () => {
    const tests = readdirSync('tests/ner/rules').filter((f) => f.endsWith('.test.ts')).map((f) => f.slice(0, -'.test.ts'.length));
    for (const name of nerRuleNames) expect(tests, name).toContain(name);
  });

  it('derives the rule-name type from the list', () => {
    const first: NerRule = 'join-split-names';
    expect(nerRuleNames[0]).toBe(first);
  });
});
