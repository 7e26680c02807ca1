package sitegen

import (
	"strconv"
	"strings"
)

// snippets are the code blocks pages carry, by language. Slots: {T} a type
// name, {t} the same in lower case, {n} a number. A block is either a
// shared snippet, written with the default slot values, so that many pages
// hold the same (language, code) — as sites that repeat an example do — or
// a variant with the page's own values, so most blocks are distinct.
var snippets = map[string][]string{
	"go": {
		`// {T}Store keeps {t}s in PostgreSQL.
type {T}Store struct {
	db *sql.DB
}

// Get returns the {t} with the given id.
func (s *{T}Store) Get(ctx context.Context, id int64) (*{T}, error) {
	var o {T}
	err := s.db.QueryRowContext(ctx,
		"SELECT id, status, created_at FROM {t}s WHERE id = $1", id,
	).Scan(&o.ID, &o.Status, &o.CreatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("{t} %d: %w", id, ErrNotFound)
	}
	return &o, err
}
`,
		`func handle{T}s(store *{T}Store) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), {n}*time.Millisecond)
		defer cancel()
		items, err := store.List(ctx, 50)
		if err != nil {
			http.Error(w, "could not list {t}s", http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(items)
	}
}
`,
		`// cache{T} remembers results for a short time.
type cache{T} struct {
	mu    sync.Mutex
	items map[string]entry
	ttl   time.Duration
}

func (c *cache{T}) get(key string, now time.Time) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.items[key]
	if !ok || now.Sub(e.stored) > c.ttl {
		return "", false
	}
	return e.value, true
}
`,
		`func TestParse{T}(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"1", 1},
		{"{n}", {n}},
	}
	for _, tt := range tests {
		if got := parse{T}(tt.in); got != tt.want {
			t.Errorf("parse{T}(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}
`,
		`func retry{T}(ctx context.Context, attempts int, f func() error) error {
	delay := {n} * time.Millisecond
	for i := 0; ; i++ {
		err := f()
		if err == nil || i == attempts-1 {
			return err
		}
		select {
		case <-time.After(delay):
			delay *= 2
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}
`,
		`type {T}Event struct {
	ID        string    ` + "`json:\"id\"`" + `
	Kind      string    ` + "`json:\"kind\"`" + `
	Amount    int64     ` + "`json:\"amount_cents\"`" + `
	CreatedAt time.Time ` + "`json:\"created_at\"`" + `
}
`,
	},
	"python": {
		`from dataclasses import dataclass
from datetime import datetime


@dataclass
class {T}:
    id: int
    status: str
    created_at: datetime

    def is_open(self) -> bool:
        return self.status in {"new", "pending"}


def load_{t}s(rows):
    return [{T}(r["id"], r["status"], r["created_at"]) for r in rows]
`,
		`import statistics


def percentiles(latencies_ms, points=(50, 90, 99)):
    """Return the given percentiles of a list of latencies."""
    ordered = sorted(latencies_ms)
    result = {}
    for p in points:
        k = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered)) - 1))
        result[p] = ordered[k]
    result["mean"] = statistics.fmean(ordered)
    return result


print(percentiles([12, 15, 11, 250, 14, 13] * {n}))
`,
		`import pandas as pd

df = pd.read_csv("{t}s.csv", parse_dates=["created_at"])
monthly = (
    df.groupby(df["created_at"].dt.to_period("M"))["amount"]
    .agg(["count", "sum", "median"])
    .rename(columns={"count": "{t}s"})
)
print(monthly.tail({n}))
`,
		`from functools import lru_cache


@lru_cache(maxsize={n})
def {t}_summary({t}_id: int) -> dict:
    row = db.execute(
        "SELECT id, status, total FROM {t}s WHERE id = %s", ({t}_id,)
    ).fetchone()
    if row is None:
        raise KeyError({t}_id)
    return {"id": row[0], "status": row[1], "total": row[2]}
`,
		`def test_{t}_total():
    items = [{"price": 250, "qty": 2}, {"price": 100, "qty": {n}}]
    assert total(items) == 500 + 100 * {n}


def test_empty_{t}():
    assert total([]) == 0
`,
	},
	"sql": {
		`SELECT c.name,
       count(o.id)       AS {t}s,
       sum(o.total)      AS revenue,
       max(o.created_at) AS last_{t}
FROM customers c
JOIN {t}s o ON o.customer_id = c.id
WHERE o.created_at >= now() - interval '{n} days'
GROUP BY c.name
ORDER BY revenue DESC
LIMIT 10;
`,
		`CREATE TABLE {t}s (
    id          bigserial PRIMARY KEY,
    customer_id bigint      NOT NULL REFERENCES customers (id),
    status      text        NOT NULL DEFAULT 'new',
    total       numeric(12, 2) NOT NULL CHECK (total >= 0),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX {t}s_customer_created ON {t}s (customer_id, created_at DESC);
`,
		`EXPLAIN (ANALYZE, BUFFERS)
SELECT id, status
FROM {t}s
WHERE status = 'pending'
  AND created_at < now() - interval '{n} minutes';
`,
		`WITH ranked AS (
    SELECT role, salary,
           ntile(10) OVER (PARTITION BY role ORDER BY salary) AS decile
    FROM {t}_salaries
)
SELECT role,
       min(salary) FILTER (WHERE decile = 2) AS p10,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY salary) AS median,
       max(salary) FILTER (WHERE decile = 9) AS p90
FROM ranked
GROUP BY role;
`,
		`UPDATE {t}s
SET status = 'archived'
WHERE status = 'closed'
  AND updated_at < now() - interval '{n} days'
RETURNING id;
`,
	},
	"yaml": {
		`apiVersion: apps/v1
kind: Deployment
metadata:
  name: {t}-api
  labels:
    app: {t}-api
spec:
  replicas: {n}
  selector:
    matchLabels:
      app: {t}-api
  template:
    metadata:
      labels:
        app: {t}-api
    spec:
      containers:
        - name: api
          image: registry.example.com/{t}-api:1.4.2
          ports:
            - containerPort: 8080
          resources:
            requests: {cpu: 250m, memory: 256Mi}
            limits: {memory: 512Mi}
`,
		`name: ci
on:
  push:
    branches: [main]
  pull_request:
jobs:
  test:
    runs-on: ubuntu-latest
    timeout-minutes: {n}
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-go@v5
        with:
          go-version: stable
      - run: go vet ./...
      - run: go test -race ./...
`,
		`groups:
  - name: {t}-api
    rules:
      - alert: {T}HighLatency
        expr: histogram_quantile(0.99, sum(rate(http_request_duration_seconds_bucket{job="{t}-api"}[5m])) by (le)) > 0.{n}
        for: 10m
        labels:
          severity: page
        annotations:
          runbook: https://runbooks.example.com/{t}-api/latency
`,
		`services:
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: example
      POSTGRES_DB: {t}s
    ports: ["5432:5432"]
  cache:
    image: redis:7
    command: ["redis-server", "--maxmemory", "{n}mb"]
`,
	},
	"js": {
		`export async function fetch{T}s(page = 1) {
  const res = await fetch(` + "`/api/{t}s?page=${page}&size={n}`" + `);
  if (!res.ok) {
    throw new Error(` + "`loading {t}s failed: ${res.status}`" + `);
  }
  return res.json();
}
`,
		`const form = document.querySelector("#{t}-form");
form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const data = Object.fromEntries(new FormData(form));
  const button = form.querySelector("button");
  button.disabled = true;
  try {
    await save{T}(data);
    form.reset();
  } finally {
    button.disabled = false;
  }
});
`,
		`function debounce(fn, ms = {n}) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

const search{T}s = debounce((q) => render(index.search(q)));
input.addEventListener("input", (e) => search{T}s(e.target.value));
`,
		`import { test, expect } from "@playwright/test";

test("{t} list shows {n} items", async ({ page }) => {
  await page.goto("/{t}s/");
  await expect(page.getByRole("listitem")).toHaveCount({n});
});
`,
		`export function formatSalary(amount, currency = "USD") {
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency,
    maximumFractionDigits: 0,
  }).format(amount);
}
`,
	},
}

// languages are the code block languages with their weights: guides use Go
// and Python most.
var languages = []struct {
	name   string
	weight int
}{
	{"go", 5}, {"python", 4}, {"sql", 3}, {"yaml", 2}, {"js", 3},
}

// snippet fills a snippet's slots. shared blocks use the default values.
func snippet(lang string, i int, shared bool, noun string, n int) string {
	s := snippets[lang][i]
	t, num := "order", "20"
	if !shared {
		t, num = noun, strconv.Itoa(n)
	}
	return strings.NewReplacer("{T}", title(t), "{t}", t, "{n}", num).Replace(s)
}

// title upper-cases the first letter of an ASCII word.
func title(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
