function t(r,n){return`${r} ${n}${r===1?"":"s"}`}export{t as a};
