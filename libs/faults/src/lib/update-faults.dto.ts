import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { FAULT_PROFILES, FaultProfileName, PEAK_MODES, PeakMode } from './fault-profiles';

/** PUT /admin/faults: switches the profile and replaces the overrides; an absent field falls back to the profile. */
export class UpdateFaultsDto {
  @ApiPropertyOptional({ enum: FAULT_PROFILES, description: 'Profile to switch to; unchanged when absent.' })
  @IsOptional()
  @IsIn(FAULT_PROFILES)
  profile?: FaultProfileName;

  @ApiPropertyOptional({ minimum: 0, maximum: 1, description: 'Probability that an operation fails.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  errorRate?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: 'Scales injected latency; 0 disables it.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  latencyMultiplier?: number;

  @ApiPropertyOptional({ enum: PEAK_MODES, description: 'auto: peaks only in chaos; on/off: force the peak windows.' })
  @IsOptional()
  @IsIn(PEAK_MODES)
  peak?: PeakMode;
}
