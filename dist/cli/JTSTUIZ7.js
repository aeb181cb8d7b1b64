import{createRequire as __supportKitCreateRequire}from"node:module";const require=__supportKitCreateRequire(import.meta.url);
import{a as te}from"./JXN7UQDX.js";import{b as Z,d as ee}from"./WJKQ3P4V.js";var Se=Z(F=>{"use strict";Object.defineProperty(F,"__esModule",{value:!0});function X(e){let o=e.length,t=0,n=0,r;for(;n<o;)t++,r=e.charCodeAt(n++),r>=55296&&r<=56319&&n<o&&(r=e.charCodeAt(n),(r&64512)===56320&&n++);return t}F.default=X;X.code='require("ajv/dist/runtime/ucs2length").default'});function Ce(e){return`${e.file}:${e.line}:${e.column}: ${e.severity}: ${e.message}`}function xe(e){return e.some(o=>o.severity==="error")}function M(e){return[...e].sort((o,t)=>o.file.localeCompare(t.file)||o.line-t.line||o.column-t.column)}function _(e,o){let t=o.replace(/\.yml$/,".yaml");return e.find(n=>n.file===t)}var w=new Uint32Array(65536),oe=(e,o)=>{let t=e.length,n=o.length,r=1<<t-1,s=-1,i=0,a=t,l=t;for(;l--;)w[e.charCodeAt(l)]|=1<<l;for(l=0;l<n;l++){let d=w[o.charCodeAt(l)],h=d|i;d|=(d&s)+s^s,i|=~(d|s),s&=d,i&r&&a++,s&r&&a--,i=i<<1|1,s=s<<1|~(h|i),i&=h}for(l=t;l--;)w[e.charCodeAt(l)]=0;return a},ne=(e,o)=>{let t=o.length,n=e.length,r=[],s=[],i=Math.ceil(t/32),a=Math.ceil(n/32);for(let c=0;c<i;c++)s[c]=-1,r[c]=0;let l=0;for(;l<a-1;l++){let c=0,m=-1,P=l*32,b=Math.min(32,n)+P;for(let u=P;u<b;u++)w[e.charCodeAt(u)]|=1<<u;for(let u=0;u<t;u++){let v=w[o.charCodeAt(u)],y=s[u/32|0]>>>u&1,g=r[u/32|0]>>>u&1,j=v|c,H=((v|g)&m)+m^m|v|g,S=c|~(H|m),C=m&H;S>>>31^y&&(s[u/32|0]^=1<<u),C>>>31^g&&(r[u/32|0]^=1<<u),S=S<<1|y,C=C<<1|g,m=C|~(j|S),c=S&j}for(let u=P;u<b;u++)w[e.charCodeAt(u)]=0}let d=0,h=-1,p=l*32,k=Math.min(32,n-p)+p;for(let c=p;c<k;c++)w[e.charCodeAt(c)]|=1<<c;let A=n;for(let c=0;c<t;c++){let m=w[o.charCodeAt(c)],P=s[c/32|0]>>>c&1,b=r[c/32|0]>>>c&1,u=m|d,v=((m|b)&h)+h^h|m|b,y=d|~(v|h),g=h&v;A+=y>>>n-1&1,A-=g>>>n-1&1,y>>>31^P&&(s[c/32|0]^=1<<c),g>>>31^b&&(r[c/32|0]^=1<<c),y=y<<1|P,g=g<<1|b,h=g|~(u|y),d=y&u}for(let c=p;c<k;c++)w[e.charCodeAt(c)]=0;return A},E=(e,o)=>{if(e.length<o.length){let t=o;o=e,e=t}return o.length===0?e.length:e.length<=32?oe(e,o):ne(e,o)},U=(e,o)=>{let t=1/0,n=0;for(let r=0;r<o.length;r++){let s=E(e,o[r]);s<t&&(t=s,n=r)}return o[n]};function T(e,o){if(o.length===0)return"";let t=e.toLowerCase(),n=U(t,o.map(i=>i.toLowerCase())),r=t.length<=4?1:2;return E(t,n)>r?"":`; did you mean "${o.find(i=>i.toLowerCase()===n)??n}"?`}var f=ee(te(),1);function Y(e,o){let t=new f.LineCounter,n=(0,f.parseDocument)(o,{lineCounter:t,prettyErrors:!1,uniqueKeys:!1,version:"1.2"}),r=(l,d,h)=>{let{line:p,col:k}=t.linePos(l);return{file:e,line:p,column:k,severity:d,message:h}},i=[...n.errors.map(l=>r(l.pos[0],"error",R(l.message))).filter((l,d,h)=>h.findIndex(p=>p.line===l.line)===d),...n.warnings.map(l=>r(l.pos[0],"warning",R(l.message)))];if(n.errors.length===0&&(0,f.visit)(n,{Map(l,d){let h=new Set;for(let p of d.items){if(!(0,f.isScalar)(p.key))continue;let k=String(p.key.value);h.has(k)&&i.push(r(p.key.range?.[0]??0,"error",`duplicate key "${k}"`)),h.add(k)}}}),i.some(l=>l.severity==="error"))return{problems:i};let a=re(n);return a?{problems:[...i,r(a.offset,"error",`"*${a.name}" reads as a YAML alias, and no "&${a.name}" anchor comes before it: quote the value ("*${a.name}") if you meant the text`)]}:{yaml:{file:e,doc:n,lineCounter:t,value:n.toJS({maxAliasCount:100})},problems:i}}function re(e){let o=new Set,t;return(0,f.visit)(e,(n,r)=>{if(t)return f.visit.BREAK;(0,f.isNode)(r)&&r.anchor&&o.add(r.anchor),(0,f.isAlias)(r)&&!o.has(r.source)&&(t={name:r.source,offset:r.range?.[0]??0})}),t}function G(e,o,t="value"){let{node:n,keyNode:r}=B(e,o),i=(t==="key"&&r?r:n)?.range?.[0]??0,{line:a,col:l}=e.lineCounter.linePos(i);return{line:a,column:l}}function q(e,o){let{node:t,found:n}=B(e,o);return n&&(0,f.isScalar)(t)&&typeof t.source=="string"?t.source:void 0}function B(e,o){let t=e.doc.contents,n;for(let r of o)if((0,f.isMap)(t)){let s=t.items.find(i=>(0,f.isPair)(i)&&(0,f.isScalar)(i.key)&&String(i.key.value)===String(r));if(!s)return{node:t,keyNode:n,found:!1};n=s.key,t=s.value}else if((0,f.isSeq)(t)&&typeof r=="number"&&t.items[r]!==void 0)n=void 0,t=t.items[r];else return{node:t,keyNode:n,found:!1};return{node:t,keyNode:n,found:!0}}var se=[[/All mapping items must start at the same column/,()=>"this key is not lined up with the keys above it: keys of one map start at the same column (count the spaces)"],[/Sequence item without - indicator/,()=>'this line is indented into the list item above, but not as far as its keys: line it up with them, or start a new item with "- "'],[/Flow sequence .*end with a \]/,()=>'a list opened with "[" is not closed before this line: end it with "]"'],[/Flow map .*end with a \}/,()=>'a map opened with "{" is not closed before this line: end it with "}"'],[/Tabs are not allowed as indentation/,()=>"a tab indents this line: YAML indents with spaces only"],[/Missing closing (["'])quote/,e=>`a value opened with ${e} is not closed before this line: end it with ${e}`],[/Implicit keys need to be on a single line/,()=>'this line is not "key: value": a key needs a colon and a space after it, as in "timezone: Europe/Paris"'],[/Implicit map keys need to be followed by map values/,()=>'a key has no value: write "key: value", with a space after the colon'],[/Plain value cannot start with reserved character (.)/,e=>`a value cannot start with ${e} unless it is quoted: put it in quotes, as in "${e}..."`],[/Unresolved tag: (\S+)/,e=>`"${e}" reads as a YAML tag, not text: quote the value ("${e}...")`]];function R(e){let o=e.replace(/ at line \d+, column \d+:?[\s\S]*$/,"").trim();for(let[t,n]of se){let r=o.match(t);if(r)return n(r[1]??"")}return`YAML syntax: ${o}`}function D(e){return e.reduce((o,t)=>typeof t=="number"?`${o}[${t}]`:o?`${o}.${t}`:t,"")}function J(e){let o=e[Symbol.for("support-kit.validate")];if(!o)throw new Error(`support-kit: the schema ${e.$id} was not compiled into this bundle`);return o}var K=new WeakMap;function ie(e){let o=K.get(e);return o||(o=J(e),K.set(e,o)),o}function z(e,o){let t=ie(o);if(t(e.value))return[];let n=[],r=new Set;for(let s of ae(le(t.errors??[]))){let{path:i,target:a,message:l}=ce(s,e),d=`${i.join("/")}|${l}`;r.has(d)||(r.add(d),n.push({file:e.file,...G(e,i,a),severity:"error",message:l}))}return n}function ae(e){let o=t=>{if(t.keyword!=="required")return!1;let n=t.params.missingProperty;return e.some(r=>r.keyword==="additionalProperties"&&r.instancePath===t.instancePath&&T(r.params.additionalProperty,[n])!=="")};return e.filter(t=>!o(t))}function le(e){let o=e.filter(t=>!["anyOf","oneOf","if"].includes(t.keyword));return o.length>0?o:e}function ce(e,o){let t=fe(e.instancePath),n=t.length>0?`${D(t)}: `:"",r=e.parentSchema?.["x-message"];switch(e.keyword){case"required":{let s=e.params.missingProperty;return{path:t,target:"key",message:`${n}missing required field "${s}"`}}case"additionalProperties":{let s=e.params.additionalProperty,i=Object.keys(e.parentSchema.properties??{});return{path:[...t,s],target:"key",message:`${n}unknown field "${s}"${i.length?` (expected one of: ${i.join(", ")})`:""}${T(s,i)}`}}case"type":return{path:t,target:"value",message:`${n}${r??`must be ${de(e.params.type)}`} (found ${I(e.data)})`};case"minimum":case"maximum":case"exclusiveMinimum":case"exclusiveMaximum":{let{comparison:s,limit:i}=e.params,a={">=":"at least","<=":"at most",">":"more than","<":"less than"}[s];return{path:t,target:"value",message:`${n}${r??`must be ${a??s} ${i}`} (found ${q(o,t)??I(e.data)})`}}case"enum":return{path:t,target:"value",message:`${n}must be one of: ${e.params.allowedValues.map(s=>JSON.stringify(s)).join(", ")} (found ${I(e.data)})`};default:return{path:t,target:"value",message:`${n}${r??e.message??"is invalid"}${e.keyword==="pattern"?ue(e.data):""}`}}}function ue(e){if(typeof e!="string")return"";for(let[o,t,n]of e.matchAll(/\b(\d{2}):(\d{2})\b/g))if(Number(n)>59||Number(t)>23&&o!=="24:00")return` ("${o}" is not a time of day: hours go from 00 to 23, minutes from 00 to 59)`;for(let[o,,t,n]of e.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g))if(Number(t)<1||Number(t)>12||Number(n)<1||Number(n)>31)return` ("${o}" is not a date: months go from 01 to 12, days from 01 to 31)`;return""}function fe(e){return e?e.slice(1).split("/").map(o=>o.replace(/~1/g,"/").replace(/~0/g,"~")).map(o=>/^\d+$/.test(o)?Number(o):o):[]}function de(e){return/^[aeiou]/.test(e)?`an ${e}`:`a ${e}`}function I(e){return e===null?"null":Array.isArray(e)?"a list":typeof e=="object"?"a mapping":`${typeof e} ${JSON.stringify(e)}`}async function Ye(e,o){let[t]=o;return e.singleFile&&t&&o.length===1?$(e,[[e.singleFile,t]],[]):$(e,o.map(n=>[n.file,n]),[])}async function Ge(e,o){let t=[],n=await pe(e,t),r=i=>_(o,i);for(let i of n)r(i)||t.push(N(`${e.folder}/${i}`,"warning",`unknown config file; the kit reads ${o.map(a=>a.file).join(", ")}`));let s=n.flatMap(i=>{let a=r(i);return a?[[i,a]]:[]});return $(e,s,t)}async function $(e,o,t){let n=[];for(let[r,s]of o){let i=await e.read(r);if(i===null)continue;let a=he(s,`${e.folder}/${r}`,i);t.push(...a.problems),a.file&&n.push(a.file)}return{source:e.description,files:n,problems:M(t)}}function he(e,o,t){let{yaml:n,problems:r}=Y(o,t);if(!n)return{problems:r};if(n.value===null||typeof n.value!="object"||Array.isArray(n.value))return{problems:[...r,N(o,"error","must be a YAML mapping (key: value pairs) at the top level")]};let s=[...r];return e.prepare?.(n),e.schema&&s.push(...z(n,e.schema)),!s.some(i=>i.severity==="error")&&e.check&&s.push(...e.check(n)),s.some(i=>i.severity==="error")?{problems:s}:{file:{spec:e,path:o,yaml:n,schemaChecked:e.schema!==void 0},problems:s}}async function pe(e,o){let t=await e.list();return t===null?(o.push(N(e.folder,"error",`config folder not found (${e.description})`)),[]):t.filter(n=>/\.ya?ml$/.test(n))}function N(e,o,t){return{file:e,line:1,column:1,severity:o,message:t}}var Be=`Usage: support-kit validate [--config PATH] [--repo owner/name [--ref REF]] [--json]

Checks the support-kit config: YAML syntax, the JSON Schemas in config/schema/ and the
checks a schema cannot express; the issue forms in .github/ISSUE_TEMPLATE and the templates and
fields intake.yaml names in them; and the roster for the next 14 days (overlapping overrides,
undeclared gaps, role collisions). The past a roster change would rewrite and who GitHub can
assign are checked on pull requests. Every problem is printed as file:line:column.

Options:
  --config PATH   the config folder or one file in it, relative or absolute
                  (default .github/support-kit)
  --repo o/name   read the config from that repository through the API instead of the disk
                  (token from GITHUB_TOKEN, API from GITHUB_API_URL)
  --ref REF       with --repo: the branch, tag or commit to read (default: the default branch)
  --json          print {"valid": bool, "files": [...], "templates": [...], "problems": [...]}
  -h, --help      show this help

Exit status: 0 valid, 1 problems found, 2 usage error.`,De=`Usage: support-kit labels <plan|apply|check> --repo owner/name [--config PATH] [options]

Makes a repository's labels follow labels.yaml, the way the labels action does on push.
  plan    show what apply would do (nothing is written)
  apply   create, update, rename and (with prune) delete labels
  check   change nothing; exit 1 when the labels have drifted from labels.yaml

Options:
  --repo o/name          the repository the sync runs for (its labels, unless labels.yaml names others)
  --config PATH          labels.yaml, or the config folder holding it (default .github/support-kit)
  --dry-run              with apply: decide and print, write nothing
  --allow-mass-delete    let a prune through that deletes more than the brake allows
  --json                 print {"plans": [...], "problems": [...], "failures": [...]}
  -h, --help             show this help

Token from GITHUB_TOKEN, API from GITHUB_API_URL (default https://api.github.com).
Exit status: 0 done (or in sync), 1 drift, a held brake, config errors or failed writes, 2 usage error.`,Je=`Usage: support-kit intake check (--issue FILE.json | --body FILE.md [--title T]) [options]

Judges one issue the way the intake action does: which template applies, what is missing
and why, and which labels its answers bring. Nothing is sent to GitHub.

Options:
  --issue FILE.json     an issue as GitHub's API returns it (or an issues event payload)
  --body FILE.md        the issue body as markdown; with --title for its title
  --title T             the issue title (default: the one in --issue, else "")
  --config PATH         the config folder holding intake.yaml (default .github/support-kit)
  --templates DIR       the issue templates (default .github/ISSUE_TEMPLATE of the checkout
                        that holds --config)
  --json                print {"complete": bool, "template": name, "missing": [{"field", "reason"}], "labels": [...]}
  -h, --help            show this help

Exit status: 0 complete, 1 incomplete (or config errors), 2 usage error.`,Ke=`Usage: support-kit oncall <who|preview|ics|holidays|load> [options]

Reads roster.yaml; nothing is sent to GitHub (load --repo reads the repository's issues).
  who        who is on call at an instant, and why: the rotation turn, an override, a leave,
             or a gap and when coverage resumes
  preview    every shift over a range, with each holder's local time
  ics        the shifts as an iCalendar (RFC 5545) file to subscribe to
  holidays   a draft of a site's holidays, as YAML to review and paste into roster.yaml
  load       hours on call per person and role over a period, and how many fell off-hours,
             on weekends and on holidays (the fairness ledger); with --repo, the issues taken,
             those taken by an escalation step, and the hand-offs that left open work

  support-kit oncall who [--at ISO-8601] [--schedule S] [--config PATH] [--json]
  support-kit oncall preview [--from DATE] [--days N] [--schedule S] [--config PATH] [--json|--markdown]
  support-kit oncall ics [--schedule S] [--person LOGIN] [--from DATE] [--days N] [--out FILE] [--config PATH]
  support-kit oncall holidays --site S --year Y [--config PATH] [--country CC [--region R]]
  support-kit oncall load [--from DATE] [--to DATE] [--repo OWNER/NAME[,...]] [--config PATH] [--json]

Options:
  --config PATH      roster.yaml, or the config folder holding it (default .github/support-kit)
  --schedule S       one schedule (who, preview: default every schedule; ics: its calendar,
                     needed unless --person is given or the roster has one schedule)
  --at ISO-8601      who: the instant, with its offset (2026-03-29T03:00+02:00) or Z; default now
  --json             load: print {"from", "to", "loads": [{"login", "roles": {role: hours},
                     "total", "offHours", "weekend", "holiday", "work" (with --repo): {"taken",
                     "escalations", "handoffsWithWork"}}]}; who: print {"at": ISO, "assignments": [{"schedule", "role", "login" (null in a
                     gap), "until" (ISO or null), "reason"}]}; preview: print {"from", "to",
                     "schedules": {name: [{"start", "end", "coverage", "layer", "assignees",
                     "declaredGap"}]}} (UTC instants)
  --markdown         preview: the tables of the pull-request comment
  --from DATE        preview, ics, load: first day (2026-03-09, from 00:00 UTC) or an instant with
                     its offset; default today (load: the first day of the quarter)
  --to DATE          load: the end of the period, a date or an instant; default now
  --repo OWNER/NAME  load: also count the issues of these repositories (GITHUB_TOKEN, and
                     GITHUB_API_URL for GitHub Enterprise Server), as the weekly report does
  --days N           preview, ics: how many days, 1 to 3660 (default 14 for preview, 90 for ics)
  --person LOGIN     ics: one person's shifts across every schedule (with --schedule: in that one)
  --out FILE         ics: write the calendar to FILE instead of printing it
  --site S           holidays: the site the list is for
  --year Y           holidays: the year
  --country CC       holidays: the country (GB, FR, US); default: the one the site's zone in the
                     roster belongs to, when only one country uses that zone and it has no regions
  --region R         holidays: a region of the country (ENG, CA, MA) with holidays of its own
  -h, --help         show this help

Calendar events are in UTC with stable UIDs (schedule, role, start) and a SEQUENCE that grows
with the generation time; SUPPORT_KIT_NOW (ISO) fixes the clock. Holidays come from the
date-holidays package (data CC BY-SA 3.0) and are only a draft: commit the dates you keep.

Exit status: 0 done, 1 roster errors (file:line:column), 2 usage error.`,ze=`Usage: support-kit init [--preset NAME] [--dir PATH] [--tick 15|30|60] [--force] [--pin]

Sets a repository up as a support desk: writes the caller workflows
(.github/workflows/support-kit-*.yml), the preset's config (.github/support-kit/) and its issue
form (.github/ISSUE_TEMPLATE/), then prints what is left to do by hand (secrets, branch
protection). Nothing is sent to GitHub; with --pin, one or two reads.

Presets, one per support process:
  escalation       escalation repository, follow-the-sun on-call with a declared gap (default)
  support-triage   L1/L2/L3 support with quality checks and a status lifecycle
  daily-rotation   one on-call engineer per working day, shuffled at the end of the list
  sev1-playbook    Sev 1 outage playbook: checklist, customer updates, retrospective
  live-incident    weekly primary and backup, business hours, one-hour response goal

Options:
  --preset NAME   the preset to scaffold (default escalation)
  --dir PATH      the repository's root folder (default: the current folder)
  --tick MINUTES  minutes between two ticks of the schedule in the hours a response clock runs
                  (15, 30 or 60; default 30): an escalation is acted on within that long of
                  falling due. The schedule follows the preset's roster.yaml, in its sites' zones
  --force         overwrite files that exist; without it, init lists them and writes nothing
  --pin           the callers use the kit by the commit of this release, the tag in a comment
                  (uses: ...@<sha> # v1.2.3), as Dependabot keeps it; the commit is read through
                  the API (token from GITHUB_TOKEN, API from GITHUB_API_URL)
  -h, --help      show this help

Exit status: 0 written, 1 files exist or the release tag was not found (nothing written),
2 usage error (unknown preset, --pin without GITHUB_TOKEN).`,We=`Usage: support-kit report --repo owner/name[,owner/name2] [--week 2026-W47] [options]

Builds the weekly report as the scheduled workflow does: opened vs closed, first response
and resolution times (mean, median, p90, with the issues not measured yet), the response goal
and its breaches on the roster's business hours, stale issues, who is on call. Prints the
markdown. Without --dry-run it also opens or updates the week's report issue in the first
repository and closes the earlier ones. It recognises the reports written by a bot or by the
token's own user, so re-running it updates its report; a workflow finds only the reports a bot
wrote (use the workflow token or a GitHub App token there).

Options:
  --repo LIST     repositories that feed the report, comma-separated; the issue goes to the first
  --week ID       the ISO week (default: the one report.yaml says, the last complete week)
  --config PATH   the config folder (default .github/support-kit): report.yaml, roster.yaml
  --dry-run       decide and print, write nothing
  --json          print the metrics as JSON instead of the markdown
  -h, --help      show this help

Token from GITHUB_TOKEN, API from GITHUB_API_URL (default https://api.github.com).
SUPPORT_KIT_NOW (an ISO instant) sets the clock, for tests and for reproducing a past run.
Exit status: 0 done, 1 config errors or a refused write, 2 usage error.`,Ve=`Usage: support-kit cost [--issues-per-week N] [--config PATH] [--workflows PATH] [--json]

What the desk costs in GitHub Actions minutes a month on a private repository, where every job
is billed, rounded up to a whole minute: a 30-day month of N issues a week (5 comments and 2
edits each, one in four opened incomplete) played through your callers' triggers and job
conditions, and through what \`support-kit init --tick 15|30|60\` would write from your config.
Reads local files only; nothing is sent to GitHub.

Options:
  --issues-per-week N  issues opened a week (default 50)
  --config PATH        the config folder (default .github/support-kit)
  --workflows PATH     where the callers are (default .github/workflows; support-kit-*.yml)
  --json               the estimate as JSON
  -h, --help           show this help

Exit status: 0 printed, 2 usage error.`;var me="support-kit:",ge=/<!--\s*support-kit:([a-z][a-z0-9-]*)((?:\s+[a-z][a-z0-9_-]*=[^\s>]*)*)\s*-->/g,ye=/^[a-z][a-z0-9-]*$/,we=/^[a-z][a-z0-9_-]*$/;function ke(e){if(!ye.test(e.kind))throw new Error(`invalid marker kind "${e.kind}"`);let o=Object.keys(e.keys).sort().map(t=>{if(!we.test(t))throw new Error(`invalid marker key "${t}"`);return`${t}=${encodeURIComponent(e.keys[t]??"")}`});return`<!-- ${me}${[e.kind,...o].join(" ")} -->`}function W(e){if(!e)return[];let o=[];for(let t of e.matchAll(ge)){let n={};for(let r of(t[2]??"").trim().split(/\s+/).filter(Boolean)){let s=r.indexOf("=");n[r.slice(0,s)]=be(r.slice(s+1))}o.push({kind:t[1]??"",keys:n})}return o}function Xe(e){return JSON.stringify([e.kind,Object.entries(e.keys).sort(([o],[t])=>o.localeCompare(t))])}function V(e,o){return W(e).some(t=>t.kind===o.kind&&Object.entries(o.keys).every(([n,r])=>t.keys[n]===r))}function Ze(e,o){return`${ke(e)}
${o}`}function be(e){try{return decodeURIComponent(e)}catch{return e}}var Pe=`

---
`,ve=/\n\n---\n(?=<!--\s*support-kit:)/;function L(e){return e.split(ve)}function O(e){return e.join(Pe)}function et(e,o){return L(e).find(t=>V(t,o))}var x=["intake","oncall","escalation"],tt=["oncall","escalation"],Q=e=>W(e.split(`
`,1)[0])[0]?.kind??"";function ot(e,o,t){let n=L(e),r=n.findIndex(a=>V(a,o));if(r>=0)return n[r]=t,O(n);let s=a=>x.includes(a)?x.indexOf(a):x.length,i=n.findIndex(a=>s(Q(a))>s(o.kind));return i<0?O([...n,t]):(n.splice(i,0,t),O(n))}function nt(e){return L(e).some(o=>x.includes(Q(o)))}export{ke as a,W as b,Xe as c,V as d,Ze as e,et as f,tt as g,ot as h,nt as i,Ce as j,xe as k,M as l,T as m,Y as n,G as o,D as p,z as q,Ye as r,Ge as s,he as t,Se as u,Be as v,De as w,Je as x,Ke as y,ze as z,We as A,Ve as B};
