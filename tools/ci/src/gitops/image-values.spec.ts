import { readImage, validateImage, withImage } from './image-values';

const DEV_VALUES = `# Values for dev.
# Container image, written by CI.
image:
  # Registry and repository, without tag.
  repository: ghcr.io/acme/orders
  # Image tag.
  tag: "0.1.0"
  pullPolicy: IfNotPresent

# One replica is enough in dev.
replicas: 1
`;

describe('image values', () => {
  it('changes only the image tag and repository, keeping every comment and other key', () => {
    const next = withImage(DEV_VALUES, { repository: 'ghcr.io/acme/orders', tag: 'sha-abc123' });
    expect(next).toContain('  # Registry and repository, without tag.\n');
    // The quoting style of the replaced scalar is kept.
    expect(next).toContain('  # Image tag.\n  tag: "sha-abc123"\n');
    expect(next).toContain('  pullPolicy: IfNotPresent\n');
    expect(next).toContain('# One replica is enough in dev.\nreplicas: 1\n');
    expect(readImage(next)).toEqual({ repository: 'ghcr.io/acme/orders', tag: 'sha-abc123' });
  });

  it('adds an image block to a file that has none', () => {
    const next = withImage('replicas: 1\n', { repository: 'ghcr.io/acme/users', tag: 'v1.2.3' });
    expect(readImage(next)).toEqual({ repository: 'ghcr.io/acme/users', tag: 'v1.2.3' });
    expect(next).toContain('replicas: 1');
  });

  it('keeps a number-like tag a string, so helm does not render 1.10 as 1.1', () => {
    const next = withImage('replicas: 1\n', { repository: 'ghcr.io/acme/users', tag: '1.10' });
    expect(readImage(next)?.tag).toBe('1.10');
  });

  it('reads no image from a file that pins none', () => {
    expect(readImage('replicas: 1\n')).toBeUndefined();
    expect(readImage('')).toBeUndefined();
  });

  it.each([
    [{ repository: 'ghcr.io/acme/orders', tag: '' }, 'invalid image tag'],
    [{ repository: 'ghcr.io/acme/orders', tag: 'a'.repeat(129) }, 'invalid image tag'],
    [{ repository: 'ghcr.io/acme/orders', tag: '-leading-dash' }, 'invalid image tag'],
    [{ repository: 'ghcr.io/Acme/orders', tag: 'v1' }, 'invalid image repository'],
    [{ repository: 'ghcr.io/acme/orders:v1', tag: 'v1' }, 'invalid image repository'],
    [{ repository: 'orders', tag: 'v1' }, 'invalid image repository'],
  ])('refuses %j', (image, message) => {
    expect(() => validateImage(image)).toThrow(message);
  });

  it('refuses files it cannot edit safely', () => {
    const image = { repository: 'ghcr.io/acme/orders', tag: 'v1' };
    expect(() => withImage('image: nginx:latest\n', image)).toThrow('image is not a mapping');
    expect(() => withImage('- a\n- b\n', image)).toThrow('not a YAML mapping');
    expect(() => withImage('image: [\n', image)).toThrow('does not parse');
  });
});
