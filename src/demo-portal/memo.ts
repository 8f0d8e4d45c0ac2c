// The portal's callers repeat few things (the same keys, commands, selections): worked out once, not once a call.

/** `compute` remembered by its argument; everything is forgotten once `limit` answers are kept. */
export function remembered<K, V>(compute: (key: K) => V, limit = 1_000): (key: K) => V {
  const known = new Map<K, V>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) {
      value = compute(key);
      if (known.size >= limit) known.clear();
      known.set(key, value);
    }
    return value;
  };
}
