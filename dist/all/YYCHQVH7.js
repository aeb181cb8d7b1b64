function n(e,r){return{taken:e.slice(0,r),skipped:e.slice(r)}}function t(e,r=10){return e.length<=r?e.join(", "):`${e.slice(0,r).join(", ")} and ${e.length-r} more`}export{n as a,t as b};
