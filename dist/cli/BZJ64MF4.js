import{createRequire as __supportKitCreateRequire}from"node:module";const require=__supportKitCreateRequire(import.meta.url);
import{a as V}from"./JXN7UQDX.js";import{b as K,d as W}from"./WJKQ3P4V.js";var ce=K(N=>{"use strict";Object.defineProperty(N,"__esModule",{value:!0});function J(e){let o=e.length,t=0,n=0,s;for(;n<o;)t++,s=e.charCodeAt(n++),s>=55296&&s<=56319&&n<o&&(s=e.charCodeAt(n),(s&64512)===56320&&n++);return t}N.default=J;J.code='require("ajv/dist/runtime/ucs2length").default'});function ue(e){return`${e.file}:${e.line}:${e.column}: ${e.severity}: ${e.message}`}function he(e){return e.some(o=>o.severity==="error")}function O(e){return[...e].sort((o,t)=>o.file.localeCompare(t.file)||o.line-t.line||o.column-t.column)}function H(e,o){let t=o.replace(/\.yml$/,".yaml");return e.find(n=>n.file===t)}var w=new Uint32Array(65536),z=(e,o)=>{let t=e.length,n=o.length,s=1<<t-1,i=-1,r=0,c=t,a=t;for(;a--;)w[e.charCodeAt(a)]|=1<<a;for(a=0;a<n;a++){let d=w[o.charCodeAt(a)],f=d|r;d|=(d&i)+i^i,r|=~(d|i),i&=d,r&s&&c++,i&s&&c--,r=r<<1|1,i=i<<1|~(f|r),r&=f}for(a=t;a--;)w[e.charCodeAt(a)]=0;return c},Q=(e,o)=>{let t=o.length,n=e.length,s=[],i=[],r=Math.ceil(t/32),c=Math.ceil(n/32);for(let l=0;l<r;l++)i[l]=-1,s[l]=0;let a=0;for(;a<c-1;a++){let l=0,m=-1,P=a*32,k=Math.min(32,n)+P;for(let u=P;u<k;u++)w[e.charCodeAt(u)]|=1<<u;for(let u=0;u<t;u++){let v=w[o.charCodeAt(u)],y=i[u/32|0]>>>u&1,g=s[u/32|0]>>>u&1,L=v|l,F=((v|g)&m)+m^m|v|g,A=l|~(F|m),S=m&F;A>>>31^y&&(i[u/32|0]^=1<<u),S>>>31^g&&(s[u/32|0]^=1<<u),A=A<<1|y,S=S<<1|g,m=S|~(L|A),l=A&L}for(let u=P;u<k;u++)w[e.charCodeAt(u)]=0}let d=0,f=-1,p=a*32,b=Math.min(32,n-p)+p;for(let l=p;l<b;l++)w[e.charCodeAt(l)]|=1<<l;let C=n;for(let l=0;l<t;l++){let m=w[o.charCodeAt(l)],P=i[l/32|0]>>>l&1,k=s[l/32|0]>>>l&1,u=m|d,v=((m|k)&f)+f^f|m|k,y=d|~(v|f),g=f&v;C+=y>>>n-1&1,C-=g>>>n-1&1,y>>>31^P&&(i[l/32|0]^=1<<l),g>>>31^k&&(s[l/32|0]^=1<<l),y=y<<1|P,g=g<<1|k,f=g|~(u|y),d=y&u}for(let l=p;l<b;l++)w[e.charCodeAt(l)]=0;return C},E=(e,o)=>{if(e.length<o.length){let t=o;o=e,e=t}return o.length===0?e.length:e.length<=32?z(e,o):Q(e,o)},j=(e,o)=>{let t=1/0,n=0;for(let s=0;s<o.length;s++){let i=E(e,o[s]);i<t&&(t=i,n=s)}return o[n]};function x(e,o){if(o.length===0)return"";let t=e.toLowerCase(),n=j(t,o.map(r=>r.toLowerCase())),s=t.length<=4?1:2;return E(t,n)>s?"":`; did you mean "${o.find(r=>r.toLowerCase()===n)??n}"?`}var h=W(V(),1);function U(e,o){let t=new h.LineCounter,n=(0,h.parseDocument)(o,{lineCounter:t,prettyErrors:!1,uniqueKeys:!1,version:"1.2"}),s=(a,d,f)=>{let{line:p,col:b}=t.linePos(a);return{file:e,line:p,column:b,severity:d,message:f}},r=[...n.errors.map(a=>s(a.pos[0],"error",_(a.message))).filter((a,d,f)=>f.findIndex(p=>p.line===a.line)===d),...n.warnings.map(a=>s(a.pos[0],"warning",_(a.message)))];if(n.errors.length===0&&(0,h.visit)(n,{Map(a,d){let f=new Set;for(let p of d.items){if(!(0,h.isScalar)(p.key))continue;let b=String(p.key.value);f.has(b)&&r.push(s(p.key.range?.[0]??0,"error",`duplicate key "${b}"`)),f.add(b)}}}),r.some(a=>a.severity==="error"))return{problems:r};let c=Z(n);return c?{problems:[...r,s(c.offset,"error",`"*${c.name}" reads as a YAML alias, and no "&${c.name}" anchor comes before it: quote the value ("*${c.name}") if you meant the text`)]}:{yaml:{file:e,doc:n,lineCounter:t,value:n.toJS({maxAliasCount:100})},problems:r}}function Z(e){let o=new Set,t;return(0,h.visit)(e,(n,s)=>{if(t)return h.visit.BREAK;(0,h.isNode)(s)&&s.anchor&&o.add(s.anchor),(0,h.isAlias)(s)&&!o.has(s.source)&&(t={name:s.source,offset:s.range?.[0]??0})}),t}function M(e,o,t="value"){let{node:n,keyNode:s}=G(e,o),r=(t==="key"&&s?s:n)?.range?.[0]??0,{line:c,col:a}=e.lineCounter.linePos(r);return{line:c,column:a}}function Y(e,o){let{node:t,found:n}=G(e,o);return n&&(0,h.isScalar)(t)&&typeof t.source=="string"?t.source:void 0}function G(e,o){let t=e.doc.contents,n;for(let s of o)if((0,h.isMap)(t)){let i=t.items.find(r=>(0,h.isPair)(r)&&(0,h.isScalar)(r.key)&&String(r.key.value)===String(s));if(!i)return{node:t,keyNode:n,found:!1};n=i.key,t=i.value}else if((0,h.isSeq)(t)&&typeof s=="number"&&t.items[s]!==void 0)n=void 0,t=t.items[s];else return{node:t,keyNode:n,found:!1};return{node:t,keyNode:n,found:!0}}var X=[[/All mapping items must start at the same column/,()=>"this key is not lined up with the keys above it: keys of one map start at the same column (count the spaces)"],[/Sequence item without - indicator/,()=>'this line is indented into the list item above, but not as far as its keys: line it up with them, or start a new item with "- "'],[/Flow sequence .*end with a \]/,()=>'a list opened with "[" is not closed before this line: end it with "]"'],[/Flow map .*end with a \}/,()=>'a map opened with "{" is not closed before this line: end it with "}"'],[/Tabs are not allowed as indentation/,()=>"a tab indents this line: YAML indents with spaces only"],[/Missing closing (["'])quote/,e=>`a value opened with ${e} is not closed before this line: end it with ${e}`],[/Implicit keys need to be on a single line/,()=>'this line is not "key: value": a key needs a colon and a space after it, as in "timezone: Europe/Paris"'],[/Implicit map keys need to be followed by map values/,()=>'a key has no value: write "key: value", with a space after the colon'],[/Plain value cannot start with reserved character (.)/,e=>`a value cannot start with ${e} unless it is quoted: put it in quotes, as in "${e}..."`],[/Unresolved tag: (\S+)/,e=>`"${e}" reads as a YAML tag, not text: quote the value ("${e}...")`]];function _(e){let o=e.replace(/ at line \d+, column \d+:?[\s\S]*$/,"").trim();for(let[t,n]of X){let s=o.match(t);if(s)return n(s[1]??"")}return`YAML syntax: ${o}`}function R(e){return e.reduce((o,t)=>typeof t=="number"?`${o}[${t}]`:o?`${o}.${t}`:t,"")}function q(e){let o=e[Symbol.for("support-kit.validate")];if(!o)throw new Error(`support-kit: the schema ${e.$id} was not compiled into this bundle`);return o}var B=new WeakMap;function ee(e){let o=B.get(e);return o||(o=q(e),B.set(e,o)),o}function D(e,o){let t=ee(o);if(t(e.value))return[];let n=[],s=new Set;for(let i of te(oe(t.errors??[]))){let{path:r,target:c,message:a}=ne(i,e),d=`${r.join("/")}|${a}`;s.has(d)||(s.add(d),n.push({file:e.file,...M(e,r,c),severity:"error",message:a}))}return n}function te(e){let o=t=>{if(t.keyword!=="required")return!1;let n=t.params.missingProperty;return e.some(s=>s.keyword==="additionalProperties"&&s.instancePath===t.instancePath&&x(s.params.additionalProperty,[n])!=="")};return e.filter(t=>!o(t))}function oe(e){let o=e.filter(t=>!["anyOf","oneOf","if"].includes(t.keyword));return o.length>0?o:e}function ne(e,o){let t=re(e.instancePath),n=t.length>0?`${R(t)}: `:"",s=e.parentSchema?.["x-message"];switch(e.keyword){case"required":{let i=e.params.missingProperty;return{path:t,target:"key",message:`${n}missing required field "${i}"`}}case"additionalProperties":{let i=e.params.additionalProperty,r=Object.keys(e.parentSchema.properties??{});return{path:[...t,i],target:"key",message:`${n}unknown field "${i}"${r.length?` (expected one of: ${r.join(", ")})`:""}${x(i,r)}`}}case"type":return{path:t,target:"value",message:`${n}${s??`must be ${ie(e.params.type)}`} (found ${T(e.data)})`};case"minimum":case"maximum":case"exclusiveMinimum":case"exclusiveMaximum":{let{comparison:i,limit:r}=e.params,c={">=":"at least","<=":"at most",">":"more than","<":"less than"}[i];return{path:t,target:"value",message:`${n}${s??`must be ${c??i} ${r}`} (found ${Y(o,t)??T(e.data)})`}}case"enum":return{path:t,target:"value",message:`${n}must be one of: ${e.params.allowedValues.map(i=>JSON.stringify(i)).join(", ")} (found ${T(e.data)})`};default:return{path:t,target:"value",message:`${n}${s??e.message??"is invalid"}${e.keyword==="pattern"?se(e.data):""}`}}}function se(e){if(typeof e!="string")return"";for(let[o,t,n]of e.matchAll(/\b(\d{2}):(\d{2})\b/g))if(Number(n)>59||Number(t)>23&&o!=="24:00")return` ("${o}" is not a time of day: hours go from 00 to 23, minutes from 00 to 59)`;for(let[o,,t,n]of e.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g))if(Number(t)<1||Number(t)>12||Number(n)<1||Number(n)>31)return` ("${o}" is not a date: months go from 01 to 12, days from 01 to 31)`;return""}function re(e){return e?e.slice(1).split("/").map(o=>o.replace(/~1/g,"/").replace(/~0/g,"~")).map(o=>/^\d+$/.test(o)?Number(o):o):[]}function ie(e){return/^[aeiou]/.test(e)?`an ${e}`:`a ${e}`}function T(e){return e===null?"null":Array.isArray(e)?"a list":typeof e=="object"?"a mapping":`${typeof e} ${JSON.stringify(e)}`}async function xe(e,o){let[t]=o;return e.singleFile&&t&&o.length===1?$(e,[[e.singleFile,t]],[]):$(e,o.map(n=>[n.file,n]),[])}async function Te(e,o){let t=[],n=await le(e,t),s=r=>H(o,r);for(let r of n)s(r)||t.push(I(`${e.folder}/${r}`,"warning",`unknown config file; the kit reads ${o.map(c=>c.file).join(", ")}`));let i=n.flatMap(r=>{let c=s(r);return c?[[r,c]]:[]});return $(e,i,t)}async function $(e,o,t){let n=[];for(let[s,i]of o){let r=await e.read(s);if(r===null)continue;let c=ae(i,`${e.folder}/${s}`,r);t.push(...c.problems),c.file&&n.push(c.file)}return{source:e.description,files:n,problems:O(t)}}function ae(e,o,t){let{yaml:n,problems:s}=U(o,t);if(!n)return{problems:s};if(n.value===null||typeof n.value!="object"||Array.isArray(n.value))return{problems:[...s,I(o,"error","must be a YAML mapping (key: value pairs) at the top level")]};let i=[...s];return e.prepare?.(n),e.schema&&i.push(...D(n,e.schema)),!i.some(r=>r.severity==="error")&&e.check&&i.push(...e.check(n)),i.some(r=>r.severity==="error")?{problems:i}:{file:{spec:e,path:o,yaml:n,schemaChecked:e.schema!==void 0},problems:i}}async function le(e,o){let t=await e.list();return t===null?(o.push(I(e.folder,"error",`config folder not found (${e.description})`)),[]):t.filter(n=>/\.ya?ml$/.test(n))}function I(e,o,t){return{file:e,line:1,column:1,severity:o,message:t}}var Ie=`Usage: support-kit validate [--config PATH] [--repo owner/name [--ref REF]] [--json]

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

Exit status: 0 valid, 1 problems found, 2 usage error.`,Ne=`Usage: support-kit labels <plan|apply|check> --repo owner/name [--config PATH] [options]

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
Exit status: 0 done (or in sync), 1 drift, a held brake, config errors or failed writes, 2 usage error.`,Le=`Usage: support-kit intake check (--issue FILE.json | --body FILE.md [--title T]) [options]

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

Exit status: 0 complete, 1 incomplete (or config errors), 2 usage error.`,Fe=`Usage: support-kit oncall <who|preview|ics|holidays|load> [options]

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

Exit status: 0 done, 1 roster errors (file:line:column), 2 usage error.`,Oe=`Usage: support-kit init [--preset NAME] [--dir PATH] [--tick 15|30|60] [--force] [--pin]

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
2 usage error (unknown preset, --pin without GITHUB_TOKEN).`,He=`Usage: support-kit report --repo owner/name[,owner/name2] [--week 2026-W47] [options]

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
Exit status: 0 done, 1 config errors or a refused write, 2 usage error.`,je=`Usage: support-kit cost [--issues-per-week N] [--config PATH] [--workflows PATH] [--json]

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

Exit status: 0 printed, 2 usage error.`;export{ue as a,he as b,O as c,x as d,U as e,M as f,R as g,D as h,xe as i,Te as j,ae as k,ce as l,Ie as m,Ne as n,Le as o,Fe as p,Oe as q,He as r,je as s};
