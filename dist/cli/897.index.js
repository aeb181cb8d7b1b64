const id=897,ids=[897],modules={6897:(module=>{module.exports=eval("require")("../../test/emulator/index.js")})};export{id,ids,modules};
