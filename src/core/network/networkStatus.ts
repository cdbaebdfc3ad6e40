/**
 * Whether this computer can reach the channels, as the host sees it (Electron's online state in
 * the desktop shell, a DNS probe of the accounts' hosts headless). The dispatcher sends nothing
 * while offline and resumes by itself when the state turns online.
 */
export class NetworkStatus {
  private current: boolean;
  private readonly listeners = new Set<(online: boolean) => void>();

  constructor(initial = true) {
    this.current = initial;
  }

  get online(): boolean {
    return this.current;
  }

  /** Records the state; listeners hear only of changes. */
  set(online: boolean): void {
    if (online === this.current) return;
    this.current = online;
    for (const listener of this.listeners) listener(online);
  }

  onChange(listener: (online: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
