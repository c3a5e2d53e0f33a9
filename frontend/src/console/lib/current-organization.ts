// The organization the console shows, remembered in this browser between visits.
const KEY = "accountql.console.organization";

export function rememberedOrganization(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function rememberOrganization(id: string | null): void {
  try {
    if (id) window.localStorage.setItem(KEY, id);
    else window.localStorage.removeItem(KEY);
  } catch {
    // Storage may be off (private windows): the console still works, it only forgets.
  }
}
