// A student's membership of a class session on this computer: the member token the server gave when they joined
// (the only key to their team), kept in localStorage by join code, so closing the laptop or losing the Wi-Fi
// brings them back to their team. Clearing it is leaving the team on this computer (the server keeps the member).

export interface Membership {
  token: string;
  memberId: number;
}

const key = (code: string) => `customer-seasons/class/member/${code.toUpperCase()}`;

export function loadMembership(code: string): Membership | null {
  try {
    const v = JSON.parse(localStorage.getItem(key(code)) ?? 'null') as Partial<Membership> | null;
    return v && typeof v.token === 'string' && typeof v.memberId === 'number' ? { token: v.token, memberId: v.memberId } : null;
  } catch {
    return null;
  }
}

export function saveMembership(code: string, m: Membership): void {
  try {
    localStorage.setItem(key(code), JSON.stringify(m));
  } catch {
    /* storage disabled: the membership lasts as long as the page */
  }
}

export function clearMembership(code: string): void {
  try {
    localStorage.removeItem(key(code));
  } catch {
    /* nothing kept */
  }
}
