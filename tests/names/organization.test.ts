import { describe, expect, it } from 'vitest';
import { surface } from '../../src/names/normalize.js';
import { organizationCore } from '../../src/names/organization.js';

const core = (text: string) => organizationCore(surface(text, 'ORGANIZATION'));

describe('organizationCore', () => {
  it('drops trailing designators and heads, as many as there are', () => {
    expect(core('Velmora Holdings PLC')).toBe('velmora');
    expect(core('Velmora Group')).toBe('velmora');
    expect(core('Tarkin Motor Co.')).toBe('tarkin');
    expect(core('Ostrava Steel N.V.')).toBe(core('Ostrava Steel AG'));
  });

  it('drops a trailing acronym of the words before it', () => {
    expect(core('Northern Grain Exchange NGE')).toBe(core('Northern Grain Exchange Ltd'));
  });

  it('gives null when nothing is dropped, or nothing would be left', () => {
    expect(core('Velmora')).toBeNull();
    expect(core('Velmora Corps')).toBeNull();
    expect(core('Group')).toBeNull();
    expect(core('The Company')).toBeNull();
  });
});
