const T=741,I=[741],O={7911:((b,w,c)=>{c.d(w,{Fb:()=>f,Ig:()=>p,Qx:()=>k,jU:()=>u,rl:()=>h,zg:()=>l});const l=`Usage: support-kit validate [--config PATH] [--repo owner/name [--ref REF]] [--json]

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

Exit status: 0 valid, 1 problems found, 2 usage error.`,k=`Usage: support-kit labels <plan|apply|check> --repo owner/name [--config PATH] [options]

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
Exit status: 0 done (or in sync), 1 drift, a held brake, config errors or failed writes, 2 usage error.`,h=`Usage: support-kit intake check (--issue FILE.json | --body FILE.md [--title T]) [options]

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

Exit status: 0 complete, 1 incomplete (or config errors), 2 usage error.`,p=`Usage: support-kit oncall <who|preview|ics|holidays> [options]

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

Exit status: 0 done, 1 roster errors (file:line:column), 2 usage error.`,f=`Usage: support-kit init [--preset NAME] [--dir PATH] [--force]

Sets a repository up as a support desk: writes the caller workflows
(.github/workflows/support-kit-*.yml), the preset's config (.github/support-kit/) and its issue
form (.github/ISSUE_TEMPLATE/), then prints what is left to do by hand (secrets, branch
protection). Nothing is sent to GitHub.

Presets, one per support process:
  escalation       escalation repository, follow-the-sun on-call with a declared gap (default)
  support-triage   L1/L2/L3 support with quality checks and a status lifecycle
  daily-rotation   one on-call engineer per working day, shuffled at the end of the list
  sev1-playbook    Sev 1 outage playbook: checklist, customer updates, retrospective
  live-incident    weekly primary and backup, business hours, one-hour response goal

Options:
  --preset NAME   the preset to scaffold (default escalation)
  --dir PATH      the repository's root folder (default: the current folder)
  --force         overwrite files that exist; without it, init lists them and writes nothing
  -h, --help      show this help

Exit status: 0 written, 1 files exist (nothing written), 2 usage error (unknown preset).`,u=`Usage: support-kit report --repo owner/name[,owner/name2] [--week 2026-W47] [options]

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
Exit status: 0 done, 1 config errors or a refused write, 2 usage error.`}),1036:((b,w,c)=>{c.d(w,{PU:()=>f,Z9:()=>p,vH:()=>m});var l=c(1993),k=c(131),h=c(50);async function p(r,o){const[s]=o;return r.singleFile&&s&&o.length===1?u(r,[[r.singleFile,s]],[]):u(r,o.map(i=>[i.file,i]),[])}async function f(r,o){const s=[],i=await y(r,s),e=n=>o.find(a=>a.file===n.replace(/\.yml$/,".yaml"));for(const n of i)e(n)||s.push(d(`${r.folder}/${n}`,"warning",`unknown config file; the kit reads ${o.map(a=>a.file).join(", ")}`));const t=i.flatMap(n=>{const a=e(n);return a?[[n,a]]:[]});return u(r,t,s)}async function u(r,o,s){const i=[];for(const[e,t]of o){const n=await r.read(e);if(n===null)continue;const a=m(t,`${r.folder}/${e}`,n);s.push(...a.problems),a.file&&i.push(a.file)}return{source:r.description,files:i,problems:(0,l.dS)(s)}}function m(r,o,s){const{yaml:i,problems:e}=(0,h.hN)(o,s);if(!i)return{problems:e};if(i.value===null||typeof i.value!="object"||Array.isArray(i.value))return{problems:[...e,d(o,"error","must be a YAML mapping (key: value pairs) at the top level")]};const t=[...e];return r.prepare?.(i),r.schema&&t.push(...(0,k._)(i,r.schema)),!t.some(n=>n.severity==="error")&&r.check&&t.push(...r.check(i)),t.some(n=>n.severity==="error")?{problems:t}:{file:{spec:r,path:o,yaml:i,schemaChecked:r.schema!==void 0},problems:t}}async function y(r,o){const s=await r.list();return s===null?(o.push(d(r.folder,"error",`config folder not found (${r.description})`)),[]):s.filter(i=>/\.ya?ml$/.test(i))}function d(r,o,s){return{file:r,line:1,column:1,severity:o,message:s}}}),131:((b,w,c)=>{c.d(w,{_:()=>y});var l=c(2210),k=c.n(l),h=c(50);let p;const f=new WeakMap;function u(e){let t=f.get(e);return t||(p??=m(),t=p.compile(e),f.set(e,t)),t}function m(){const e=new l.Ajv2020({allErrors:!0,strict:!0,verbose:!0});return e.addKeyword({keyword:"x-message",schemaType:"string"}),e}function y(e,t){const n=u(t);if(n(e.value))return[];const a=[],g=new Set;for(const _ of d(n.errors??[])){const{path:E,target:P,message:v}=r(_),A=`${E.join("/")}|${v}`;g.has(A)||(g.add(A),a.push({file:e.file,...(0,h.x5)(e,E,P),severity:"error",message:v}))}return a}function d(e){const t=e.filter(n=>!["anyOf","oneOf","if"].includes(n.keyword));return t.length>0?t:e}function r(e){const t=o(e.instancePath),n=t.length>0?`${(0,h.jV)(t)}: `:"",a=e.parentSchema?.["x-message"];switch(e.keyword){case"required":{const g=e.params.missingProperty;return{path:t,target:"key",message:`${n}missing required field "${g}"`}}case"additionalProperties":{const g=e.params.additionalProperty,_=Object.keys(e.parentSchema.properties??{});return{path:[...t,g],target:"key",message:`${n}unknown field "${g}"${_.length?` (expected one of: ${_.join(", ")})`:""}`}}case"type":return{path:t,target:"value",message:`${n}${a??`must be ${s(e.params.type)}`} (found ${i(e.data)})`};case"enum":return{path:t,target:"value",message:`${n}must be one of: ${e.params.allowedValues.map(g=>JSON.stringify(g)).join(", ")} (found ${i(e.data)})`};default:return{path:t,target:"value",message:`${n}${a??e.message??"is invalid"}`}}}function o(e){return e?e.slice(1).split("/").map(t=>t.replace(/~1/g,"/").replace(/~0/g,"~")).map(t=>/^\d+$/.test(t)?Number(t):t):[]}function s(e){return/^[aeiou]/.test(e)?`an ${e}`:`a ${e}`}function i(e){return e===null?"null":Array.isArray(e)?"a list":typeof e=="object"?"a mapping":`${typeof e} ${JSON.stringify(e)}`}}),780:((b,w,c)=>{c.d(w,{$Q:()=>u,s_:()=>d});var l=c(1455),k=c.n(l),h=c(6760),p=c.n(h);const f=o=>/\.ya?ml$/.test(o);function u(o,s){const i=(0,h.resolve)(o,s),e=f(s),t=e?(0,h.dirname)(i):i,n=e?(0,h.basename)(s):void 0,a=(0,h.relative)(o,t),g=a.startsWith("..")||(0,h.isAbsolute)(a);return{description:`workspace ${s}`,folder:g?t:a||".",...n?{singleFile:n}:{},async list(){if(n)return await r(i)?[n]:null;try{return(await(0,l.readdir)(i)).sort()}catch{return null}},async read(_){return m((0,h.join)(t,_))},async listAt(_){try{return(await(0,l.readdir)((0,h.resolve)(o,_))).sort()}catch{return null}},readAt:_=>m((0,h.resolve)(o,_))}}async function m(o){try{return await(0,l.readFile)(o,"utf8")}catch{return null}}async function y(o,s){return r(resolve(o,s))}function d(o,s,i){const e=f(s)?(0,h.dirname)(s):s,t=f(s)?(0,h.basename)(s):void 0;return{description:`${`${o.repo.owner}/${o.repo.repo}${i?` at ${i}`:""}`} ${s}`,folder:e,...t?{singleFile:t}:{},async list(){if(t)return[t];const a=await o.listFolder(e,i);return a?a.sort():null},read:a=>o.readFile(`${e}/${a}`,i),async listAt(a){const g=await o.listFolder(a,i);return g?g.sort():null},readAt:a=>o.readFile(a,i)}}async function r(o){try{return await(0,l.stat)(o),!0}catch{return!1}}}),1993:((b,w,c)=>{c.d(w,{Cs:()=>k,Vw:()=>l,dS:()=>h});function l(p){return`${p.file}:${p.line}:${p.column}: ${p.severity}: ${p.message}`}function k(p){return p.some(f=>f.severity==="error")}function h(p){return[...p].sort((f,u)=>f.file.localeCompare(u.file)||f.line-u.line||f.column-u.column)}}),50:((b,w,c)=>{c.d(w,{hN:()=>k,jV:()=>f,x5:()=>h});var l=c(8815);function k(u,m){const y=new l.HN,d=(0,l.Tp)(m,{lineCounter:y,prettyErrors:!1,uniqueKeys:!1,version:"1.2"}),r=(s,i,e)=>{const{line:t,col:n}=y.linePos(s);return{file:u,line:t,column:n,severity:i,message:e}},o=[...d.errors.map(s=>r(s.pos[0],"error",p(s.message))),...d.warnings.map(s=>r(s.pos[0],"warning",p(s.message)))];return d.errors.length===0&&(0,l.YR)(d,{Map(s,i){const e=new Set;for(const t of i.items){if(!(0,l.jn)(t.key))continue;const n=String(t.key.value);e.has(n)&&o.push(r(t.key.range?.[0]??0,"error",`duplicate key "${n}"`)),e.add(n)}}}),o.some(s=>s.severity==="error")?{problems:o}:{yaml:{file:u,doc:d,lineCounter:y,value:d.toJS({maxAliasCount:100})},problems:o}}function h(u,m,y="value"){let d=u.doc.contents,r;for(const t of m)if((0,l.jh)(d)){const n=d.items.find(a=>(0,l.tO)(a)&&(0,l.jn)(a.key)&&String(a.key.value)===String(t));if(!n)break;r=n.key,d=n.value}else if((0,l.oP)(d)&&typeof t=="number"&&d.items[t]!==void 0)r=void 0,d=d.items[t];else break;const s=(y==="key"&&r?r:d)?.range?.[0]??0,{line:i,col:e}=u.lineCounter.linePos(s);return{line:i,column:e}}function p(u){return u.replace(/ at line \d+, column \d+:?[\s\S]*$/,"").trim()}function f(u){return u.reduce((m,y)=>typeof y=="number"?`${m}[${y}]`:m?`${m}.${y}`:y,"")}})};export{T as id,I as ids,O as modules};
