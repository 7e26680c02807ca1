package sitegen

// The vocabulary of the documentation profile (docs.go): the areas that
// name its sections, the things its pages are about, their tags, and the
// sentences, steps and option names its prose is made of. Slots: {thing}
// and {thing2} things of the product, {cmd} a command, {opt} a flag,
// {file} a file name, {n} a small number.

var docAreas = []string{
	"getting-started", "installation", "configuration", "networking", "storage", "security",
	"authentication", "authorization", "monitoring", "logging", "tracing", "deployment",
	"scaling", "backup", "restore", "migration", "upgrades", "cli", "api", "sdk",
	"plugins", "extensions", "templates", "workflows", "pipelines", "scheduling",
	"clusters", "nodes", "containers", "images", "registry", "secrets", "policies",
	"quotas", "billing", "accounts", "teams", "projects", "environments", "variables",
	"webhooks", "events", "notifications", "alerts", "dashboards", "metrics", "queries",
	"indexes", "replication", "sharding", "transactions", "caching", "performance",
	"troubleshooting", "reference", "tutorials", "concepts", "architecture", "integrations",
	"administration",
}

var docThings = []string{
	"access tokens", "load balancers", "persistent volumes", "service accounts", "build caches",
	"audit logs", "rate limits", "health checks", "connection pools", "read replicas",
	"feature flags", "cron jobs", "signing keys", "network policies", "log streams",
	"object storage", "resource quotas", "worker pools", "release channels", "job queues",
	"TLS certificates", "DNS records", "config maps", "sidecar proxies", "deploy keys",
	"artifact registries", "snapshots", "retention rules", "alert rules", "status pages",
	"single sign-on", "API clients", "event streams", "schema migrations", "search indexes",
	"usage reports", "runner groups", "approval gates", "secret stores", "edge functions",
}

var docTags = []string{
	"beginner", "cli", "api", "security", "networking", "storage", "kubernetes", "linux",
	"windows", "macos", "yaml", "json", "http", "tls", "dns", "ci", "cd", "observability",
	"performance", "migration", "upgrade", "troubleshooting", "reference", "tutorial",
	"concept", "how-to", "administration", "billing", "compliance", "backup", "scaling",
	"python", "go", "javascript", "terraform", "docker", "sql", "oauth", "sso", "webhooks",
	"events", "logging", "metrics", "alerts", "deprecated", "beta", "enterprise", "cloud",
	"self-hosted", "plugins",
}

var docTitles = []string{
	"Configure %s", "About %s", "Troubleshooting %s", "Manage %s from the command line",
	"Migrate %s to a new cluster", "Monitor %s", "%s reference", "Secure %s",
	"Use %s with the API", "Limits of %s", "Rotate %s", "Set up %s",
}

var docSentences = []string{
	"Run `{cmd}` to list the {thing} in the current project.",
	"By default, {thing} are created in the same region as the project that owns them.",
	"The `{opt}` flag overrides the value set in `{file}` for a single run.",
	"If the command returns an error, check that your account has permission to change {thing}.",
	"Changes to {thing} take effect within {n} minutes and do not require a restart.",
	"You can manage {thing} from the dashboard, from the API, or with `{cmd}`.",
	"Each project can have up to {n}0 {thing}; contact support to raise the limit.",
	"The settings in `{file}` apply to every environment unless an environment sets its own.",
	"When {thing} and {thing2} are used together, the stricter rule wins.",
	"Deleting {thing} cannot be undone, so export them first if you may need them again.",
	"Use `{opt}` to see what would change without applying it.",
	"Older clients ignore this setting and fall back to the defaults.",
	"For production workloads, keep at least {n} replicas so that an upgrade never takes the service down.",
	"The API returns {thing} in pages of {n}0; follow the `next` link to read the rest.",
	"Audit events are recorded for every change to {thing2}, including the user who made it.",
	"Values are case-sensitive and must not contain spaces.",
	"If you use a proxy, set `HTTPS_PROXY` before you run `{cmd}`.",
	"This page assumes you have already installed the command-line tool and signed in.",
	"A {thing} that has not been used for {n}0 days is marked as stale and can be cleaned up automatically.",
	"Pass `--output json` to get machine-readable output that you can pipe into other tools.",
	"Beta features may change without notice and are not covered by the service level agreement.",
	"The default timeout is {n}0 seconds; raise it with `{opt}` for large projects.",
	"Keep `{file}` in version control so that every change to {thing} is reviewed.",
	"Requests that exceed the rate limit receive a `429` status and a `Retry-After` header.",
	"In the dashboard, open **Settings**, then **{Thing}**, and choose **Edit**.",
	"Only owners and administrators can change {thing} for a whole organization.",
	"The command exits with status 0 on success and prints nothing unless you add `--verbose`.",
	"To roll back, run `{cmd}` again with the previous version of `{file}`.",
	"Every one of the {thing} has a unique ID, which you need for API calls and support requests.",
	"If {thing2} are enabled, {thing} inherit their settings unless you override them.",
	"Metrics for {thing} are kept for {n}0 days and can be exported in Prometheus format.",
	"Names must start with a letter and may contain letters, digits and hyphens.",
}

var docCommands = []string{
	"acme get", "acme apply -f config.yaml", "acme describe", "acme logs --follow", "acme rollout status",
	"acme auth login", "acme config set", "acme delete", "acme export", "acme top",
}

var docOptions = []string{
	"--timeout", "--dry-run", "--namespace", "--region", "--replicas", "--force", "--output", "--profile", "--all", "--selector",
}

var docFiles = []string{
	"config.yaml", "acme.toml", ".acme/credentials", "values.yaml", "policy.json", "settings.yml", "Dockerfile", ".env",
}

var docHeadings = []string{
	"Before you begin", "Overview", "Configure {thing}", "Verify the result", "Troubleshooting",
	"Options", "Examples", "Limitations", "How {thing} work", "Permissions", "Clean up",
	"Best practices", "Known issues", "Pricing",
}

var docSubHeadings = []string{
	"From the dashboard", "From the command line", "With the API", "On Windows", "In a CI pipeline", "Default values",
}

var docSteps = []string{
	"Sign in with `acme auth login`",
	"Open `{file}` in an editor",
	"Set `{opt}` to the value you need",
	"Run `{cmd}` and check the output",
	"Wait until the status is **Ready**",
	"Commit the change to version control",
	"Repeat the steps for each environment",
	"Remove the old {thing} once nothing refers to them",
}

// docBlocks are the few fenced blocks of the profile, by language.
var docBlocks = []struct{ lang, code string }{
	{"yaml", "apiVersion: v1\nkind: {Thing}\nmetadata:\n  name: example\nspec:\n  replicas: {n}\n  timeout: {n}0s\n"},
	{"bash", "acme auth login\nacme apply -f {file}\nacme get --output json | jq '.items[].name'\n"},
	{"json", "{\n  \"name\": \"example\",\n  \"enabled\": true,\n  \"limit\": {n}0\n}\n"},
	{"bash", "export ACME_PROFILE=staging\nacme config set region eu-west-1\nacme rollout status --timeout {n}m\n"},
}
