import { describe, expect, it } from 'vitest';
import { mention } from '../../dates-helpers.js';

describe('TimeML value conventions', () => {
  it('"Easter week" is a week', () => {
    expect(mention('The ferries ran late during Easter week.', '2024-04-10', 'Easter week')).toMatchObject({ value: '2024-W13', precision: 'week' });
  });
});
