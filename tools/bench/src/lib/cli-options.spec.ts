import { positiveIntegerOption } from './cli-options';

describe('positive integer options', () => {
  it('accepts positive integers', () => {
    expect(positiveIntegerOption('windows', '3')).toBe(3);
  });

  it.each(['0', '-2', '1.5', 'three', undefined])('refuses %s and names the option', (value) => {
    expect(() => positiveIntegerOption('windows', value)).toThrow(`--windows must be a positive integer, got ${value}`);
  });
});
