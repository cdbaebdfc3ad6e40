import { hrefOf, type Route } from './route.ts';

/** Goes to a route (a new history entry, so Back returns). */
export function navigate(route: Route): void {
  window.location.hash = hrefOf(route);
}
