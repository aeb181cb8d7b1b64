const id=976,ids=[976],modules={6976:(module=>{module.exports=eval("require")("./demo.js")})};export{id,ids,modules};
