function n(t,o){let r=new Set(o.map(e=>e.trim().toLowerCase()));return t.routes.find(e=>e.labels.length===0||e.labels.some(s=>r.has(s.trim().toLowerCase())))}export{n as a};
