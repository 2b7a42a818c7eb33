namespace SmartOverhalla.Influx;
