/**
 * Whether this computer can reach the channels, as the host sees it (Electron's online state in
 * the desktop shell, a DNS probe of the accounts' hosts headless). The dispatcher sends nothing
 * while offline and resumes by itself when the state turns online.
 */
export class NetworkStatus {
  private current: boolean;
  /** The sandbox's "simulate offline" switch: offline whatever the host says. */
  private simulated = false;
  private readonly listeners = new Set<(online: boolean) => void>();

  constructor(initial = true) {
    this.current = initial;
  }

  get online(): boolean {
    return this.current && !this.simulated;
  }

  get simulatedOffline(): boolean {
    return this.simulated;
  }

  /** Records the host's state; listeners hear only of changes of `online`. */
  set(online: boolean): void {
    this.change(() => {
      this.current = online;
    });
  }

  /** For training with the sandbox channels: behave as if the network were gone. */
  simulateOffline(offline: boolean): void {
    this.change(() => {
      this.simulated = offline;
    });
  }

  private change(apply: () => void): void {
    const before = this.online;
    apply();
    if (this.online === before) return;
    for (const listener of this.listeners) listener(this.online);
  }

  onChange(listener: (online: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
