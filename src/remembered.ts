// A pure function of one key answered once per key: the router asks the same words and days of every message, the
// demo portal the same commands and selections of every request. Past a limit the answers are all let go, so memory
// stays bounded.

/** The function, each key's answer kept once found. */
export function remembered<K, T>(answer: (key: K) => T, limit = 10_000): (key: K) => T {
  const answers = new Map<K, T>();
  return (key) => {
    const known = answers.get(key);
    if (known !== undefined || answers.has(key)) return known as T;
    if (answers.size >= limit) answers.clear();
    const found = answer(key);
    answers.set(key, found);
    return found;
  };
}
