// What the owner reads of an error from the Rust side (a CommandError) or from the page.
export function errorMessage(error: unknown): string {
  if (typeof error === "object" && error !== null && "message" in error) return String(error.message);
  return String(error);
}
