import { session } from './session';

// What the world view may do: advance the playback, and point at a customer (the UI opens their file).

export function setPlayWeek(k: number): void {
  session.setState({ playWeek: k });
}

export function selectCustomer(id: number | null): void {
  session.setState({ selected: id });
}
