/** The headless host started by globalSetup: its address with the token, and its origin. */
export function deskUrl(): { url: string; origin: string } {
  const url = process.env.DESK_URL;
  if (!url)
    throw new Error(
      'DESK_URL is not set: run the end-to-end tests through playwright.config.ts (globalSetup).',
    );
  return { url, origin: new URL(url).origin };
}
