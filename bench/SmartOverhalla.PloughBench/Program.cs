using SmartOverhalla.PloughBench;

return WinterBench.Run(args);
