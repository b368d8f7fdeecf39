/** The shortest staff password accepted. */
export const STAFF_PASSWORD_MIN_LENGTH = 12;

/**
 * Why a staff password is refused, as a stable code, or undefined when it is acceptable. Minimal rule
 * (at least 12 characters, not derived from the username); issue 13a owns the full policy under this name.
 */
export function staffPasswordProblem(username: string, password: string): string | undefined {
  if ([...password].length < STAFF_PASSWORD_MIN_LENGTH) return 'PASSWORD_TOO_SHORT';
  const name = username.trim().toLowerCase();
  const lowered = password.toLowerCase();
  if (name.length > 0 && (lowered.includes(name) || lowered.includes([...name].reverse().join('')))) return 'PASSWORD_LIKE_USERNAME';
  return undefined;
}
