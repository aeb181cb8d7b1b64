import{createRequire as __supportKitCreateRequire}from"node:module";const require=__supportKitCreateRequire(import.meta.url);
import{a as W}from"./JXN7UQDX.js";import{b as K,d as V}from"./WJKQ3P4V.js";var ae=K(I=>{"use strict";Object.defineProperty(I,"__esModule",{value:!0});function D(e){let o=e.length,t=0,n=0,r;for(;n<o;)t++,r=e.charCodeAt(n++),r>=55296&&r<=56319&&n<o&&(r=e.charCodeAt(n),(r&64512)===56320&&n++);return t}I.default=D;D.code='require("ajv/dist/runtime/ucs2length").default'});function le(e){return`${e.file}:${e.line}:${e.column}: ${e.severity}: ${e.message}`}function ce(e){return e.some(o=>o.severity==="error")}function O(e){return[...e].sort((o,t)=>o.file.localeCompare(t.file)||o.line-t.line||o.column-t.column)}function H(e,o){let t=o.replace(/\.yml$/,".yaml");return e.find(n=>n.file===t)}var y=new Uint32Array(65536),z=(e,o)=>{let t=e.length,n=o.length,r=1<<t-1,i=-1,s=0,c=t,l=t;for(;l--;)y[e.charCodeAt(l)]|=1<<l;for(l=0;l<n;l++){let p=y[o.charCodeAt(l)],h=p|s;p|=(p&i)+i^i,s|=~(p|i),i&=p,s&r&&c++,i&r&&c--,s=s<<1|1,i=i<<1|~(h|s),s&=h}for(l=t;l--;)y[e.charCodeAt(l)]=0;return c},Q=(e,o)=>{let t=o.length,n=e.length,r=[],i=[],s=Math.ceil(t/32),c=Math.ceil(n/32);for(let a=0;a<s;a++)i[a]=-1,r[a]=0;let l=0;for(;l<c-1;l++){let a=0,d=-1,b=l*32,w=Math.min(32,n)+b;for(let u=b;u<w;u++)y[e.charCodeAt(u)]|=1<<u;for(let u=0;u<t;u++){let k=y[o.charCodeAt(u)],g=i[u/32|0]>>>u&1,m=r[u/32|0]>>>u&1,N=k|a,F=((k|m)&d)+d^d|k|m,P=a|~(F|d),C=d&F;P>>>31^g&&(i[u/32|0]^=1<<u),C>>>31^m&&(r[u/32|0]^=1<<u),P=P<<1|g,C=C<<1|m,d=C|~(N|P),a=P&N}for(let u=b;u<w;u++)y[e.charCodeAt(u)]=0}let p=0,h=-1,v=l*32,L=Math.min(32,n-v)+v;for(let a=v;a<L;a++)y[e.charCodeAt(a)]|=1<<a;let S=n;for(let a=0;a<t;a++){let d=y[o.charCodeAt(a)],b=i[a/32|0]>>>a&1,w=r[a/32|0]>>>a&1,u=d|p,k=((d|w)&h)+h^h|d|w,g=p|~(k|h),m=h&k;S+=g>>>n-1&1,S-=m>>>n-1&1,g>>>31^b&&(i[a/32|0]^=1<<a),m>>>31^w&&(r[a/32|0]^=1<<a),g=g<<1|b,m=m<<1|w,h=m|~(u|g),p=g&u}for(let a=v;a<L;a++)y[e.charCodeAt(a)]=0;return S},A=(e,o)=>{if(e.length<o.length){let t=o;o=e,e=t}return o.length===0?e.length:e.length<=32?z(e,o):Q(e,o)},j=(e,o)=>{let t=1/0,n=0;for(let r=0;r<o.length;r++){let i=A(e,o[r]);i<t&&(t=i,n=r)}return o[n]};function x(e,o){if(o.length===0)return"";let t=e.toLowerCase(),n=j(t,o.map(s=>s.toLowerCase())),r=t.length<=4?1:2;return A(t,n)>r?"":`; did you mean "${o.find(s=>s.toLowerCase()===n)??n}"?`}var f=V(W(),1);function U(e,o){let t=new f.LineCounter,n=(0,f.parseDocument)(o,{lineCounter:t,prettyErrors:!1,uniqueKeys:!1,version:"1.2"}),r=(s,c,l)=>{let{line:p,col:h}=t.linePos(s);return{file:e,line:p,column:h,severity:c,message:l}},i=[...n.errors.map(s=>r(s.pos[0],"error",_(s.message))),...n.warnings.map(s=>r(s.pos[0],"warning",_(s.message)))];return n.errors.length===0&&(0,f.visit)(n,{Map(s,c){let l=new Set;for(let p of c.items){if(!(0,f.isScalar)(p.key))continue;let h=String(p.key.value);l.has(h)&&i.push(r(p.key.range?.[0]??0,"error",`duplicate key "${h}"`)),l.add(h)}}}),i.some(s=>s.severity==="error")?{problems:i}:{yaml:{file:e,doc:n,lineCounter:t,value:n.toJS({maxAliasCount:100})},problems:i}}function M(e,o,t="value"){let{node:n,keyNode:r}=G(e,o),s=(t==="key"&&r?r:n)?.range?.[0]??0,{line:c,col:l}=e.lineCounter.linePos(s);return{line:c,column:l}}function Y(e,o){let{node:t,found:n}=G(e,o);return n&&(0,f.isScalar)(t)&&typeof t.source=="string"?t.source:void 0}function G(e,o){let t=e.doc.contents,n;for(let r of o)if((0,f.isMap)(t)){let i=t.items.find(s=>(0,f.isPair)(s)&&(0,f.isScalar)(s.key)&&String(s.key.value)===String(r));if(!i)return{node:t,keyNode:n,found:!1};n=i.key,t=i.value}else if((0,f.isSeq)(t)&&typeof r=="number"&&t.items[r]!==void 0)n=void 0,t=t.items[r];else return{node:t,keyNode:n,found:!1};return{node:t,keyNode:n,found:!0}}function _(e){return e.replace(/ at line \d+, column \d+:?[\s\S]*$/,"").trim()}function R(e){return e.reduce((o,t)=>typeof t=="number"?`${o}[${t}]`:o?`${o}.${t}`:t,"")}function J(e){let o=e[Symbol.for("support-kit.validate")];if(!o)throw new Error(`support-kit: the schema ${e.$id} was not compiled into this bundle`);return o}var q=new WeakMap;function Z(e){let o=q.get(e);return o||(o=J(e),q.set(e,o)),o}function B(e,o){let t=Z(o);if(t(e.value))return[];let n=[],r=new Set;for(let i of X(ee(t.errors??[]))){let{path:s,target:c,message:l}=te(i,e),p=`${s.join("/")}|${l}`;r.has(p)||(r.add(p),n.push({file:e.file,...M(e,s,c),severity:"error",message:l}))}return n}function X(e){let o=t=>{if(t.keyword!=="required")return!1;let n=t.params.missingProperty;return e.some(r=>r.keyword==="additionalProperties"&&r.instancePath===t.instancePath&&x(r.params.additionalProperty,[n])!=="")};return e.filter(t=>!o(t))}function ee(e){let o=e.filter(t=>!["anyOf","oneOf","if"].includes(t.keyword));return o.length>0?o:e}function te(e,o){let t=ne(e.instancePath),n=t.length>0?`${R(t)}: `:"",r=e.parentSchema?.["x-message"];switch(e.keyword){case"required":{let i=e.params.missingProperty;return{path:t,target:"key",message:`${n}missing required field "${i}"`}}case"additionalProperties":{let i=e.params.additionalProperty,s=Object.keys(e.parentSchema.properties??{});return{path:[...t,i],target:"key",message:`${n}unknown field "${i}"${s.length?` (expected one of: ${s.join(", ")})`:""}${x(i,s)}`}}case"type":return{path:t,target:"value",message:`${n}${r??`must be ${re(e.params.type)}`} (found ${E(e.data)})`};case"minimum":case"maximum":case"exclusiveMinimum":case"exclusiveMaximum":{let{comparison:i,limit:s}=e.params,c={">=":"at least","<=":"at most",">":"more than","<":"less than"}[i];return{path:t,target:"value",message:`${n}${r??`must be ${c??i} ${s}`} (found ${Y(o,t)??E(e.data)})`}}case"enum":return{path:t,target:"value",message:`${n}must be one of: ${e.params.allowedValues.map(i=>JSON.stringify(i)).join(", ")} (found ${E(e.data)})`};default:return{path:t,target:"value",message:`${n}${r??e.message??"is invalid"}${e.keyword==="pattern"?oe(e.data):""}`}}}function oe(e){if(typeof e!="string")return"";for(let[o,t,n]of e.matchAll(/\b(\d{2}):(\d{2})\b/g))if(Number(n)>59||Number(t)>23&&o!=="24:00")return` ("${o}" is not a time of day: hours go from 00 to 23, minutes from 00 to 59)`;for(let[o,,t,n]of e.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g))if(Number(t)<1||Number(t)>12||Number(n)<1||Number(n)>31)return` ("${o}" is not a date: months go from 01 to 12, days from 01 to 31)`;return""}function ne(e){return e?e.slice(1).split("/").map(o=>o.replace(/~1/g,"/").replace(/~0/g,"~")).map(o=>/^\d+$/.test(o)?Number(o):o):[]}function re(e){return/^[aeiou]/.test(e)?`an ${e}`:`a ${e}`}function E(e){return e===null?"null":Array.isArray(e)?"a list":typeof e=="object"?"a mapping":`${typeof e} ${JSON.stringify(e)}`}async function Ae(e,o){let[t]=o;return e.singleFile&&t&&o.length===1?T(e,[[e.singleFile,t]],[]):T(e,o.map(n=>[n.file,n]),[])}async function xe(e,o){let t=[],n=await ie(e,t),r=s=>H(o,s);for(let s of n)r(s)||t.push($(`${e.folder}/${s}`,"warning",`unknown config file; the kit reads ${o.map(c=>c.file).join(", ")}`));let i=n.flatMap(s=>{let c=r(s);return c?[[s,c]]:[]});return T(e,i,t)}async function T(e,o,t){let n=[];for(let[r,i]of o){let s=await e.read(r);if(s===null)continue;let c=se(i,`${e.folder}/${r}`,s);t.push(...c.problems),c.file&&n.push(c.file)}return{source:e.description,files:n,problems:O(t)}}function se(e,o,t){let{yaml:n,problems:r}=U(o,t);if(!n)return{problems:r};if(n.value===null||typeof n.value!="object"||Array.isArray(n.value))return{problems:[...r,$(o,"error","must be a YAML mapping (key: value pairs) at the top level")]};let i=[...r];return e.prepare?.(n),e.schema&&i.push(...B(n,e.schema)),!i.some(s=>s.severity==="error")&&e.check&&i.push(...e.check(n)),i.some(s=>s.severity==="error")?{problems:i}:{file:{spec:e,path:o,yaml:n,schemaChecked:e.schema!==void 0},problems:i}}async function ie(e,o){let t=await e.list();return t===null?(o.push($(e.folder,"error",`config folder not found (${e.description})`)),[]):t.filter(n=>/\.ya?ml$/.test(n))}function $(e,o,t){return{file:e,line:1,column:1,severity:o,message:t}}var Te=`Usage: support-kit validate [--config PATH] [--repo owner/name [--ref REF]] [--json]

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

Exit status: 0 valid, 1 problems found, 2 usage error.`,$e=`Usage: support-kit labels <plan|apply|check> --repo owner/name [--config PATH] [options]

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
Exit status: 0 done (or in sync), 1 drift, a held brake, config errors or failed writes, 2 usage error.`,Ie=`Usage: support-kit intake check (--issue FILE.json | --body FILE.md [--title T]) [options]

Judges one issue the way the intake action does: which template applies, what is missing
and why, and which labels its answers bring. Nothing is sent to GitHub.

Options:
  --issue FILE.json     an issue as GitHub's API returns it (or an issues event payload)
  --body FILE.md        the issue body as markdown; with --title for its title
  --title T             the issue title (default: the one in --issue, else "")
  --config PATH         the config folder holding intake.yaml (default .github/support-kit)
  --templates DIR       the issue templates (default .github/ISSUE_TEMPLATE)
  --json                print {"complete": bool, "template": name, "missing": [{"field", "reason"}], "labels": [...]}
  -h, --help            show this help

Exit status: 0 complete, 1 incomplete (or config errors), 2 usage error.`,Le=`Usage: support-kit oncall <who|preview|ics|holidays> [options]

Reads roster.yaml; nothing is sent to GitHub.
  who        who is on call at an instant, and why: the rotation turn, an override, a leave,
             or a gap and when coverage resumes
  preview    every shift over a range, with each holder's local time
  ics        the shifts as an iCalendar (RFC 5545) file to subscribe to
  holidays   a draft of a site's holidays, as YAML to review and paste into roster.yaml

  support-kit oncall who [--at ISO-8601] [--schedule S] [--config PATH] [--json]
  support-kit oncall preview [--from DATE] [--days N] [--schedule S] [--config PATH] [--json|--markdown]
  support-kit oncall ics [--schedule S] [--person LOGIN] [--from DATE] [--days N] [--out FILE] [--config PATH]
  support-kit oncall holidays --site S --year Y [--config PATH] [--country CC [--region R]]

Options:
  --config PATH      roster.yaml, or the config folder holding it (default .github/support-kit)
  --schedule S       one schedule (who, preview: default every schedule; ics: its calendar,
                     needed unless --person is given or the roster has one schedule)
  --at ISO-8601      who: the instant, with its offset (2026-03-29T03:00+02:00) or Z; default now
  --json             who: print {"at": ISO, "assignments": [{"schedule", "role", "login" (null in a
                     gap), "until" (ISO or null), "reason"}]}; preview: print {"from", "to",
                     "schedules": {name: [{"start", "end", "coverage", "layer", "assignees",
                     "declaredGap"}]}} (UTC instants)
  --markdown         preview: the tables of the pull-request comment
  --from DATE        preview, ics: first day (2026-03-09, from 00:00 UTC) or an instant with its
                     offset; default today
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

Exit status: 0 done, 1 roster errors (file:line:column), 2 usage error.`,Ne=`Usage: support-kit init [--preset NAME] [--dir PATH] [--tick 15|30|60] [--force] [--pin]

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
2 usage error (unknown preset, --pin without GITHUB_TOKEN).`,Fe=`Usage: support-kit report --repo owner/name[,owner/name2] [--week 2026-W47] [options]

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
Exit status: 0 done, 1 config errors or a refused write, 2 usage error.`,Oe=`Usage: support-kit cost [--issues-per-week N] [--config PATH] [--workflows PATH] [--json]

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

Exit status: 0 printed, 2 usage error.`;export{le as a,ce as b,O as c,x as d,U as e,M as f,R as g,B as h,Ae as i,xe as j,se as k,ae as l,Te as m,$e as n,Ie as o,Le as p,Ne as q,Fe as r,Oe as s};
