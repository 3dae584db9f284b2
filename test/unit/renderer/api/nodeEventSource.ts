/**
 * Just enough of EventSource over node:http for the api tests (Node 20 has none): named events,
 * `close()`, and `connected`, which resolves once the server has subscribed this stream.
 */
import { get, type ClientRequest } from 'node:http';

export class NodeEventSource {
  static readonly instances: NodeEventSource[] = [];
  readonly connected: Promise<void>;
  closed = false;
  private readonly listeners = new Map<string, ((event: { data: string }) => void)[]>();
  private readonly req: ClientRequest;
  private onConnected!: () => void;

  constructor(readonly url: string) {
    NodeEventSource.instances.push(this);
    this.connected = new Promise((resolve) => (this.onConnected = resolve));
    this.req = get(url, (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          this.dispatch(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      });
      res.on('error', () => {});
    });
    this.req.on('error', () => {});
  }

  private dispatch(block: string): void {
    if (block.includes(': connected')) return this.onConnected();
    const type = /^event: (.*)$/m.exec(block)?.[1];
    const data = /^data: (.*)$/m.exec(block)?.[1];
    if (type === undefined || data === undefined) return;
    for (const fn of this.listeners.get(type) ?? []) fn({ data });
  }

  addEventListener(type: string, listener: (event: { data: string }) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close(): void {
    this.closed = true;
    this.req.destroy();
  }
}
