import { hashPassword, verifyPassword } from './passwords';

describe('password hashing', () => {
  it('verifies the right password only, with a fresh salt per hash', async () => {
    const a = await hashPassword('correct horse');
    const b = await hashPassword('correct horse');
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse', a)).toBe(true);
    expect(await verifyPassword('correct horse!', a)).toBe(false);
  });

  it.each([null, '', 'plain', 'scrypt$1$2$3'])('treats a missing or foreign hash %j as a mismatch', async (stored) => {
    expect(await verifyPassword('anything', stored)).toBe(false);
  });
});
